// <article-widget src="articles/x.json"></article-widget>
// A news article drawn by Dear ImGui (C++/wasm) in a canvas, hosted like page
// content: the element is as tall as the article, the page scrolls it, and the
// canvas only covers the visible slice. Frames are drawn on change only.
import { Action, Frame, Message, Role } from './protocol.js';
import { loadRuntime } from './runtime.js';
import { FormLayer } from './form-layer.js';
import { blockText, copyAsWritten, renderTextLayer } from './text-layer.js';
import { hostColors } from './host-colors.js';
import './offline.js'; // registers the site's service worker: offline after one visit

const stylesheet = new URL('article-widget.css', import.meta.url).href;
const encoder = new TextEncoder();

// Copies bytes into the wasm heap for one call. With `handOver` the callee owns (and frees) them.
function withBytes(module, bytes, call, handOver = false) {
  const ptr = module._malloc(bytes.length || 1);
  module.HEAPU8.set(bytes, ptr); // after _malloc: a growing heap replaces HEAPU8
  try { return call(ptr, bytes.length); } finally { if (!handOver) module._free(ptr); }
}

// A v4 UUID, the review's idempotency key. randomUUID needs a secure context; file:// may not be one.
function newIdentifier() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function withStrings(module, strings, call) {
  const ptrs = strings.map((s) => {
    const bytes = encoder.encode(s + '\0');
    const p = module._malloc(bytes.length);
    module.HEAPU8.set(bytes, p);
    return p;
  });
  try { return call(...ptrs); } finally { ptrs.forEach((p) => module._free(p)); }
}

class ArticleWidget extends HTMLElement {
  static get observedAttributes() { return ['src', 'theme', 'feed']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<link rel="stylesheet" href="${stylesheet}">
      <div class="box" part="box">
        <canvas class="view" aria-hidden="true"></canvas>
        <div class="text-layer"></div>
        <div class="status" role="status" aria-live="polite" hidden>
          <p class="status-text">Loading article…</p>
          <div class="progress"><div class="progress-bar"></div></div>
        </div>
      </div>`;
    this.box = root.querySelector('.box');
    this.canvas = root.querySelector('canvas');
    this.textLayer = root.querySelector('.text-layer');
    copyAsWritten(this.textLayer);
    this.status = root.querySelector('.status');
    this.formLayer = new FormLayer(this.box, {
      input: (id, value, s, e) => this.call('_aw_form_input', [id, value], s, e),
      select: (id, s, e) => this.call('_aw_form_select', [id], s, e),
      focus: (id, left) => this.call('_aw_form_focus', [id, left]),
      rating: (n) => this.call('_aw_form_rating', [], n),
      honeypot: (v) => this.call('_aw_form_honeypot', [v]),
      submit: () => this.call('_aw_review_submit', [newIdentifier(), new Date().toISOString()]),
      action: (id) => {
        if (id === Action.Back) this.back();
        else if (id === Action.Retry) this.reload();
        else if (id === Action.NewsMore) this.call('_aw_news_more', []);
      },
      openInWidget: (url) => this.open(url),
    });
    this.module = null;
    this.contentHeight = 0;
    this.view = null;    // last viewport sent to the wasm side
    this.raf = 0;
    this.frames = 0;     // frames drawn, for tests of the idle loop
    this.ready = false;
    this.loadToken = 0;
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    // Focusable like page content, so Space, PageDown, Home and End scroll the page from here.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.onScroll = () => this.requestFrame();
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
    this.addEventListener('scroll', this.onScroll, { passive: true }); // a host with a fixed height scrolls inside
    this.onOnline = () => this.call('_aw_reviews_online', []);
    window.addEventListener('online', this.onOnline);
    this.resizeObserver = new ResizeObserver(() => this.requestFrame());
    this.resizeObserver.observe(this);
    // The canvas's size in device pixels changes with zoom and screens too: a second witness of DPR changes.
    try { this.resizeObserver.observe(this.canvas, { box: 'device-pixel-content-box' }); } catch { /* older browsers: the media query below */ }
    this.watchPixelRatio();
    this.watchColorScheme();
    this.wireInput();
    this.load();
  }

  disconnectedCallback() {
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.pumpTimer);
    this.resizeObserver?.disconnect();
    this.dprQuery?.removeEventListener('change', this.onDprChange);
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.cancelDescribe();
    this.started = false;
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.started || oldValue === value) return;
    if (name === 'src') this.load();
    if (name === 'theme') this.applyTheme();
    if (name === 'feed') { this.feedLoaded = false; this.loadFeed(); }
  }

  /** Fetches the article again (and the program, if that failed). */
  reload() { this.load(); }

  get frameCount() { return this.frames; }

  async load() {
    const token = ++this.loadToken;
    this.cancelDescribe(); // the new content's first picture asks again
    this.ready = false;
    this.shown = null;
    // Shown only if loading takes over a second: a load that is merely slowish goes straight to the
    // article, without a message flashing up for a moment (and the frames that animating it costs).
    this.showStatus('Loading article…', 1000);
    const src = this.getAttribute('src');
    const article = src ? this.fetchArticle(src) : Promise.resolve({ error: ['No article to show', 'The widget has no src attribute naming an article.'] });
    let runtime;
    try {
      runtime = await loadRuntime((done, total) => this.setProgress(done / (total + 1)));
      performance.mark('aw:runtime-loaded');
      if (!this.module) await this.instantiate(runtime);
      performance.mark('aw:instantiated');
    } catch (e) {
      if (token === this.loadToken) this.failWithoutCanvas(e.message);
      return;
    }
    const result = await article;
    if (token !== this.loadToken) return; // a newer load() took over
    this.setProgress(1);
    this.contentSet = true;
    if (result.error) {
      withStrings(this.module, result.error, this.module._aw_show_error);
      this.fire('error', { message: result.error.join(': '), status: result.status ?? 0 });
    } else {
      const source = new URL(src, document.baseURI).href;
      withStrings(this.module, [source], (sourcePtr) =>
        withBytes(this.module, result.bytes, (ptr, len) => this.module._aw_set_article(ptr, len, sourcePtr)));
      this.updateBackLink();
      if (this.opened) this.pendingOpened = source;
    }
    // The first picture of new content is drawn at once rather than an animation frame later:
    // while the browser's GPU process is busy with the page's first paint, frames come late.
    // A page opened in a background tab waits for the animation frame, which comes once it is shown.
    if (document.hidden) {
      this.requestFrame();
    } else {
      cancelAnimationFrame(this.raf);
      this.raf = 0;
      this.drawFrame(performance.now());
    }
    if (!this.feedLoaded) this.loadFeed();
  }

  // The News Line. Without it (no feed attribute, offline, broken feed) the widget simply shows none.
  async loadFeed() {
    const feed = this.getAttribute('feed');
    if (!feed || !this.module) return;
    this.feedLoaded = true;
    const url = new URL(feed, document.baseURI);
    this.call('_aw_expect_feed', [], 1);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const text = await response.text();
      this.call('_aw_set_feed', [text, url.href], Date.now() / 1000, -new Date().getTimezoneOffset());
    } catch (e) {
      this.feedLoaded = false;
      this.call('_aw_expect_feed', [], 0);
      console.warn(`[article-widget] News Line not shown: ${url.pathname}: ${e.message}`);
    }
  }

  /** Opens another article inside the widget (News Line items do this); back() returns. */
  open(url) {
    const current = this.getAttribute('src');
    this.history = [...(this.history ?? []), { src: current, headline: this.headline }];
    this.opened = true;
    this.setAttribute('src', url);
    if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: 'start' });
  }

  back() {
    const previous = this.history?.pop();
    if (!previous) return;
    this.opened = true;
    this.setAttribute('src', previous.src);
    if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: 'start' });
  }

  updateBackLink() {
    const previous = this.history?.[this.history.length - 1];
    this.call('_aw_set_back', [previous ? previous.headline ?? 'previous article' : '']);
  }

  async fetchArticle(src) {
    const url = new URL(src, document.baseURI);
    let response;
    try {
      response = await fetch(url);
    } catch {
      return { error: ['This article could not be loaded', `The article at ${url.pathname} could not be reached. Check your connection and try again.`] };
    }
    if (!response.ok) {
      return {
        status: response.status,
        error: ['This article could not be loaded', `The server answered ${response.status}${response.statusText ? ' ' + response.statusText : ''} for ${url.pathname}.`],
      };
    }
    return { bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  async instantiate(runtime) {
    const module = await runtime.createModule({
      canvas: this.canvas,
      instantiateWasm: (imports, receive) => {
        WebAssembly.instantiate(runtime.wasm, imports).then((instance) => receive(instance, runtime.wasm));
        return {};
      },
      print: () => {},
      printErr: (text) => console.warn('[article-widget]', text),
      onMessage: (type, payload) => this.onMessage(type, payload),
      hasReviewsEndpoint: () => this.hasAttribute('reviews'),
    });
    module._aw_init();
    runtime.fonts.forEach((bytes, face) =>
      withBytes(module, new Uint8Array(bytes), (ptr, len) => module._aw_set_face(face, ptr, len), true));
    this.module = module;
    this.applyTheme();
  }

  // The widget's messages (src/core/Protocol.h; shapes in protocol.js).
  onMessage(type, payload) {
    switch (type) {
      case Message.ContentHeight: return this.setContentHeight(payload.height);
      case Message.Semantics: return this.onSemantics(payload);
      case Message.ArticleError: return this.fire('error', { message: payload.message, status: 0 });
      case Message.Controls: return this.formLayer.update(payload);
      case Message.List: return this.formLayer.updateList(payload);
      case Message.FocusControl: return setTimeout(() => this.formLayer.focus(payload.id));
      case Message.PostReview: return this.postReview(payload.identifier, payload.body);
      case Message.FetchReviews: return this.fetchReviews(payload.item);
      case Message.WakeAt:
        clearTimeout(this.pumpTimer);
        this.pumpTimer = setTimeout(() => this.call('_aw_reviews_pump', []), Math.max(0, payload.at - Date.now()));
        return undefined;
      default: return console.warn('[article-widget] unknown message from the widget:', type);
    }
  }

  // Calls a wasm export with strings first (copied into the heap) and numbers after; then draws.
  call(name, strings, ...numbers) {
    if (!this.module) return;
    withStrings(this.module, strings, (...ptrs) => this.module[name](...ptrs, ...numbers));
    this.requestFrame();
  }

  reviewsUrl(query = '') {
    return new URL(this.getAttribute('reviews') + query, document.baseURI);
  }

  // Sends one review from the outbox. Any answer, or none, goes back to the outbox.
  async postReview(id, json) {
    let status = 0, body = '';
    try {
      const response = await fetch(this.reviewsUrl(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: json,
        signal: AbortSignal.timeout(20000),
      });
      status = response.status;
      body = await response.text();
    } catch {
      status = 0; // offline, refused, timed out: the outbox retries
    }
    this.call('_aw_review_result', [id, body], status);
    if (status >= 200 && status < 300) this.fire('review-submitted', { identifier: id, status });
  }

  async fetchReviews(item) {
    try {
      const response = await fetch(this.reviewsUrl(`?item=${encodeURIComponent(item)}`));
      if (response.ok) this.call('_aw_reviews_list', [await response.text()]);
    } catch {
      // Offline: the list shows the reader's own pending reviews until the next visit.
    }
  }

  setContentHeight(h) {
    this.contentHeight = h;
    this.box.style.height = `${h}px`;
    this.requestFrame();
  }

  // The DOM that mirrors a picture (the text layer, the form's controls) costs
  // about as much to build as the picture. For new content it follows the first
  // picture by a frame, so the reader sees the article first; `ready` waits for it.
  describeSoon() {
    if (this.describeFrame) return;
    this.describeFrame = requestAnimationFrame(() => {
      this.describeTimer = setTimeout(() => {
        this.describeFrame = this.describeTimer = 0;
        this.module._aw_describe(); // calls onSemantics and onControls back
        if (!this.ready && this.shown) this.markReady();
      });
    });
  }

  cancelDescribe() {
    cancelAnimationFrame(this.describeFrame);
    clearTimeout(this.describeTimer);
    this.describeFrame = this.describeTimer = 0;
  }

  onSemantics(semantics) {
    renderTextLayer(this.textLayer, semantics);
    if (semantics.blocks.length) this.shown = semantics.blocks[0].role === Role.Alert ? 'error' : 'article';
    const heading = semantics.blocks.find((b) => b.role === Role.Heading);
    if (heading) this.headline = blockText(heading);
  }

  // The canvas covers only the part of the box inside the viewport (and inside
  // the element itself when the host gave it a fixed height and it scrolls).
  syncViewport() {
    const box = this.box.getBoundingClientRect();
    const host = this.getBoundingClientRect();
    const visibleTop = Math.max(0, host.top);
    const visibleBottom = Math.min(window.innerHeight, host.bottom);
    const width = Math.floor(box.width);
    // Before the first layout the box has its CSS min-height, so there is something to draw into.
    const boxHeight = Math.floor(box.height);
    let height = Math.max(0, Math.min(boxHeight, window.innerHeight, this.clientHeight || Infinity));
    let top = Math.round(Math.min(Math.max(visibleTop - box.top, 0), Math.max(0, boxHeight - height)));
    if (visibleBottom <= box.top || visibleTop >= box.bottom || width === 0 || height === 0) {
      // Off screen nothing is drawn, except a one-pixel slice until the first layout: a widget
      // further down the page gets its real height and fires `ready` before it is seen.
      if (this.ready || width === 0) return false;
      height = 1;
      top = 0;
    }
    const dpr = window.devicePixelRatio || 1;
    const v = this.view;
    if (v && v.width === width && v.height === height && v.dpr === dpr && v.top === top) return true;
    this.view = { width, height, dpr, top };
    if (!v || v.width !== width) this.canvas.style.width = `${width}px`;
    if (!v || v.height !== height) this.canvas.style.height = `${height}px`;
    this.canvas.style.transform = `translateY(${top}px)`;
    // Assigning width/height reallocates the drawing buffer even when unchanged: only on a real change.
    const w = Math.round(width * dpr), h = Math.round(height * dpr);
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    this.module._aw_set_viewport(width, height, dpr, top);
    return true;
  }

  requestFrame() {
    // Nothing to draw before the article (or its error) is in: a frame then would only build the font atlas twice.
    if (this.raf || !this.module || !this.contentSet) return;
    this.raf = requestAnimationFrame((now) => {
      this.raf = 0;
      this.drawFrame(now);
    });
  }

  drawFrame(now) {
    if (this.noWebGl || !this.syncViewport()) return; // off screen: draw nothing until it scrolls into view
    if (!this.frames) performance.mark('aw:first-frame-start');
    const result = this.module._aw_frame(now, this.ready ? 1 : 0);
    if (result === Frame.NoWebGl) {
      this.noWebGl = true;
      this.module._aw_describe(); // the article text stays reachable without the picture
      return this.failWithoutCanvas('This browser cannot draw the article: WebGL 2 is not available.');
    }
    if (result & Frame.Drew) {
      if (!this.frames) performance.mark('aw:first-frame'); // the bench's "first frame"
      this.frames++;
      if (!this.ready) this.describeSoon();
    }
    if (result & Frame.More) this.requestFrame();
  }

  markReady() {
    this.ready = true;
    clearTimeout(this.statusTimer);
    if (!this.typingPrepared) {
      // The glyphs for typing are left out of the first picture's atlas; they are added once the page is idle.
      this.typingPrepared = true;
      const prepare = () => this.call('_aw_prepare_typing', []);
      if (window.requestIdleCallback) requestIdleCallback(prepare, { timeout: 500 }); else setTimeout(prepare, 200);
    }
    this.status.hidden = true;
    this.box.classList.add('drawn');
    if (this.shown === 'article') this.fire('ready', { src: this.getAttribute('src') });
    if (this.shown === 'article' && this.pendingOpened) {
      this.fire('article-opened', { url: this.pendingOpened, headline: this.headline });
      this.pendingOpened = null;
    }
  }

  showStatus(text, delayMs = 0) {
    clearTimeout(this.statusTimer);
    this.status.querySelector('.status-text').textContent = text;
    if (delayMs) this.statusTimer = setTimeout(() => { this.status.hidden = false; }, delayMs);
    else this.status.hidden = false;
    this.setProgress(0);
  }

  setProgress(fraction) {
    this.status.querySelector('.progress-bar').style.transform = `scaleX(${fraction})`;
  }

  // Without the program (download failed, no WebGL 2) the status line says why.
  failWithoutCanvas(message) {
    this.showStatus(message);
    this.status.classList.add('failed');
    this.status.setAttribute('role', 'alert');
    this.fire('error', { message, status: 0 });
  }

  fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  watchPixelRatio() {
    // A media query on the current ratio fires once when it changes (zoom, another screen); re-arm each time.
    this.onDprChange = () => { this.watchPixelRatio(); this.requestFrame(); };
    this.dprQuery?.removeEventListener('change', this.onDprChange);
    this.dprQuery = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.dprQuery.addEventListener('change', this.onDprChange, { once: true });
  }

  watchColorScheme() {
    this.schemeQuery = matchMedia('(prefers-color-scheme: dark)');
    this.schemeQuery.addEventListener('change', () => this.applyTheme());
  }

  applyTheme() {
    if (!this.module) return;
    const theme = this.getAttribute('theme') || 'auto';
    const dark = theme === 'dark' || (theme !== 'light' && this.schemeQuery.matches); // unknown values: auto, as in the CSS
    this.box.classList.toggle('dark', dark);
    this.module._aw_set_dark(dark ? 1 : 0);
    // Host colours (--aw-accent, --aw-background; see host-colors.js): -1 keeps the theme's own.
    const colors = hostColors(this);
    this.module._aw_set_colors?.(colors.accent, colors.background);
    this.requestFrame();
  }

  wireInput() {
    const point = (e) => {
      if (!this.module || !this.view) return;
      const r = this.canvas.getBoundingClientRect();
      this.module._aw_pointer_move(e.clientX - r.left, e.clientY - r.top);
      this.requestFrame();
    };
    // Only the pointer's position goes to ImGui (hover looks); clicks land on the real controls.
    this.box.addEventListener('pointermove', point);
    this.box.addEventListener('pointerleave', () => {
      this.module?._aw_pointer_leave();
      this.requestFrame();
    });
  }
}

customElements.define('article-widget', ArticleWidget);
