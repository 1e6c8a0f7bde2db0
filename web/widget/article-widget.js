// <article-widget src="articles/x.json"></article-widget>
// A news article drawn by Dear ImGui (C++/wasm) in a canvas, hosted like page
// content: the element is as tall as the article, the page scrolls it, and the
// canvas covers a band around the visible slice, which the page's compositor
// scrolls like any content. Frames are drawn on change only, and scrolling
// draws one only when the band must move (viewport.js).
//
// This file is the element's lifecycle. The page's one runtime (runtime.js)
// holds its state, fonts and GPU context; content.js fetches what it shows,
// review-transport.js carries its reviews, viewport.js says which slice is
// visible, and the text and form layers mirror the drawing as real DOM.
import { Action, Frame, Message, Role } from './protocol.js';
import { SCROLL_TICK_MS, expectScripts, loadRuntime, withBytes, withStrings } from './runtime.js';
import { readAtlas } from './atlas-cache.js';
import { fetchArticle, fetchFeed, History } from './content.js';
import { articleFromElement, hasInlineArticle, hasInlineMarkup, pageMessages } from './article-page.js';
import { newIdentifier, ReviewTransport } from './review-transport.js';
import { bandAround, bandCovers, bandEdges, visibleSlice } from './viewport.js';
import { FormLayer } from './form-layer.js';
import { blockText, copyAsWritten, renderTextLayer } from './text-layer.js';
import { articleBlocks, facesUsed } from './rich-text.js';
import { hostColors } from './host-colors.js';
import { languageOf, loadCatalog, translator } from './catalogs.js';
import './offline.js'; // registers the site's service worker: offline after one visit

const stylesheet = new URL('article-widget.css', import.meta.url).href;
// The picture stays lifted over its mirrors this long after the page was last seen scrolling
// (the runtime tells that once a tick, so two ticks: one missed to timer jitter keeps it lifted).
const LIFT_MS = 2 * SCROLL_TICK_MS;

class ArticleWidget extends HTMLElement {
  static get observedAttributes() { return ['src', 'theme', 'feed', 'lang']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<link rel="stylesheet" href="${stylesheet}">
      <div class="inline" part="inline" hidden><slot></slot></div>
      <div class="box" part="box">
        <canvas class="view" aria-hidden="true"></canvas>
        <div class="band-edge" aria-hidden="true"></div><div class="band-edge" aria-hidden="true"></div>
        <div class="text-layer"></div>
        <div class="status" role="status" aria-live="polite" hidden>
          <p class="status-text"></p>
          <div class="progress"><div class="progress-bar"></div></div>
        </div>
      </div>`;
    this.box = root.querySelector('.box');
    this.canvas = root.querySelector('canvas');
    const [above, below] = root.querySelectorAll('.band-edge');
    this.edges = { above, below }; // where the view may not go without a new band (bandEdges)
    this.textLayer = root.querySelector('.text-layer');
    this.status = root.querySelector('.status');
    // The article as the element's own children (progressive enhancement): shown as the publisher's
    // HTML until the canvas has drawn it, the canvas laid out behind it meanwhile.
    this.inline = root.querySelector('.inline');
    this.tookOver = false;    // the canvas has drawn an article: the children stay hidden from then on
    root.querySelector('slot').addEventListener('slotchange', () => this.updateInline());

    // The element's state, all of it.
    this.runtime = null;      // the page's runtime, once loaded
    this.widgetId = 0;              // this widget's state in the runtime (0: none)
    this.connection = null;   // AbortController of the current connection: its listeners
    this.shows = { src: undefined, feed: undefined }; // what the runtime state holds, so a move in the DOM loads nothing
    this.fetched = { src: null, article: null, feed: null, feedText: null, feedResult: null }; // prefetch()
    this.loadToken = 0;       // the newest load(); older ones give way
    this.lifted = false;      // the picture is over its mirrors while the page scrolls (liftWhileScrolling)
    this.lastScroll = 0;      // performance.now() of the last scroll event seen while lifted
    this.history = new History();
    this.headline = null;     // the article's, for a "Back to" link after opening another
    this.view = null;         // the band the canvas covers, as sent to the runtime (CSS px, with its dpr)
    this.lastTop = 0;         // the visible slice's top when last looked at: the direction of travel
    this.edgesAt = { above: null, below: null }; // the band edges placed, CSS px from the top
    this.bandStale = false;   // the view reached a band edge: the next frame draws a new band
    this.pointer = null;      // the pointer's client position over the widget, for ImGui's hover
    this.picture = null;      // the canvas's bitmaprenderer context
    this.frames = 0;          // frames drawn (or laid out, without WebGL), for tests of the idle loop
    this.ready = false;       // drawn, with its text layer and controls in
    this.shown = null;        // 'article' or 'error', from the text layer
    this.noWebGl = false;     // no picture: the text layer and controls show themselves
    this.describeFrame = this.describeTimer = 0;
    this.statusTimer = 0;
    this.contentSet = false;  // an article or its error is in: frames may be drawn
    this.broken = false;      // the program failed inside: nothing more is drawn
    this.language = '';       // what the runtime state speaks (its catalog handed in)
    this.words = translator('en'); // the shell's own words, in the language chosen (English until its catalog is in)

    this.transport = new ReviewTransport({
      endpoint: () => this.getAttribute('reviews'),
      answer: (name, strings, ...numbers) => this.call(name, strings, ...numbers),
      submitted: (detail) => this.fire('review-submitted', detail),
    });
    // Listeners on the element's own nodes live as long as it does.
    copyAsWritten(this.textLayer);
    this.formLayer = new FormLayer(this.box, {
      input: (id, value, s, e) => this.call('_aw_form_input', [id, value], s, e),
      select: (id, s, e) => this.call('_aw_form_select', [id], s, e),
      focus: (id, left) => this.call('_aw_form_focus', [id, left]),
      rating: (n) => this.call('_aw_form_rating', [], n),
      choose: (id, value) => this.call('_aw_form_choose', [id, value]),
      honeypot: (v) => this.call('_aw_form_honeypot', [v]),
      submit: () => this.call('_aw_review_submit', [newIdentifier(), new Date().toISOString()]),
      action: (id) => {
        if (id === Action.Back) this.back();
        else if (id === Action.Retry) this.reload();
        else if (id === Action.NewsMore) this.call('_aw_news_more', []);
        else this.call('_aw_action', [id]); // the reviews' own: Report, its Send and Close, more reviews
      },
      openInWidget: (url) => this.open(url),
    }, () => this.words);
    // Only the pointer's position goes to ImGui (hover looks); clicks land on the real controls.
    // A scroll moves the content under a still pointer: the browser then tells the controls it
    // enters and leaves (pointerover, pointerout), which carry the position too.
    const pointer = (e) => {
      this.pointer = { x: e.clientX, y: e.clientY };
      if (!this.view) return;
      const r = this.canvas.getBoundingClientRect();
      this.call('_aw_pointer_move', [], e.clientX - r.left, e.clientY - r.top);
    };
    this.box.addEventListener('pointermove', pointer);
    // Only where the control under the pointer changes, and only controls with a hover look. The
    // listeners are on the controls' layer: the text passes under a still pointer all the time
    // while the page scrolls, and no handler need run for it (issue 22).
    const hoverable = (el) => el?.closest?.('.controls :is(a, button, input[type="radio"])') ?? null; // text fields have none
    let hovered = null;
    const boundary = (e) => {
      const now = hoverable(e.type === 'pointerover' ? e.target : e.relatedTarget);
      if (now === hovered) return;
      hovered = now;
      pointer(e);
    };
    this.formLayer.root.addEventListener('pointerover', boundary);
    this.formLayer.root.addEventListener('pointerout', boundary);
    this.box.addEventListener('pointerleave', () => {
      this.pointer = null;
      this.call('_aw_pointer_leave', []);
    });
    this.addEventListener('scroll', () => this.scrolled(), { passive: true }); // a host with a fixed height scrolls inside
  }

  connectedCallback() {
    // Focusable like page content, so Space, PageDown, Home and End scroll the page from here.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.updateInline();
    this.connection = new AbortController();
    this.start(this.connection.signal);
  }

  disconnectedCallback() {
    this.connection.abort(); // every listener this connection added
    this.runtime?.cancel(this);
    this.cancelDescribe();
    // A move in the DOM disconnects and connects again at once: only an element still out
    // of the document once the current task's work is done gives its state back.
    queueMicrotask(() => { if (!this.isConnected) this.release(); });
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.widgetId || oldValue === value) return;
    if (name === 'src') this.load();
    if (name === 'theme') this.applyTheme();
    if (name === 'feed') this.loadFeed();
    if (name === 'lang') this.speak().then(() => this.requestFrame());
  }

  /** Fetches the article again (and the program, if that failed). */
  reload() {
    if (this.widgetId) this.load();
    else if (this.isConnected) this.start(this.connection.signal);
  }

  get frameCount() { return this.frames; }
  /** How often the article was laid out (for tests and the bench). */
  get layoutCount() { return this.widgetId ? this.runtime.module._aw_layout_count(this.widgetId) : 0; }

  async start(signal) {
    if (!this.runtime) {
      // The article, the feed and a returning reader's atlas are fetched while the program loads.
      this.prefetch();
      const atlas = readAtlas(this.getAttribute('src'), window.devicePixelRatio || 1)
        .finally(() => performance.mark('aw:atlas-read'));
      // Shown only if loading takes over a second: a load that is merely slowish goes straight to the
      // article, without a message flashing up for a moment (and the frames that animating it costs).
      // Its words: the lang attribute's or the page's language, as far as known before the article.
      this.speak();
      this.showStatus(() => this.words.t('status.loading'), 1000);
      try {
        this.runtime = await loadRuntime((done, total) => this.setProgress(done / (total + 1)));
        performance.mark('aw:runtime-loaded');
        const cached = await atlas;
        if (cached) this.runtime.offerAtlas(cached);
      } catch (e) {
        if (!signal.aborted) this.failWithoutCanvas(e.words ? this.say(e.words) : e.message);
        return;
      }
    }
    if (signal.aborted) return;
    if (!this.widgetId) this.widgetId = this.runtime.register(this);
    const events = this.runtime.events;
    // Scrolling lifts only the widgets near the view (the runtime watches which are; the band's
    // edges ask for new bands); one not yet laid out still draws its first slice to learn its height.
    events.addEventListener('viewport', () => this.viewportMoved(), { signal });
    events.addEventListener('scroll', () => this.scrolled(), { signal });
    events.addEventListener('online', () => this.call('_aw_reviews_online', []), { signal });
    events.addEventListener('scheme', () => this.applyTheme(), { signal });
    this.applyTheme();
    if (this.shows.src !== this.getAttribute('src')) this.load();
    else if (this.shows.feed !== this.getAttribute('feed')) this.loadFeed();
    else this.redraw();
  }

  // Out of the document for good: the runtime forgets this widget, and a later
  // connection starts afresh.
  release() {
    if (!this.widgetId) return;
    this.transport.stop();
    clearTimeout(this.statusTimer);
    this.runtime.unregister(this.widgetId, this);
    this.widgetId = 0;
    this.shows = { src: undefined, feed: undefined };
    this.view = null;
    this.ready = false;
    this.contentSet = false;
  }

  async load() {
    const token = ++this.loadToken;
    this.cancelDescribe(); // the new content's first picture asks again
    this.ready = false;
    this.shown = null;
    const src = this.getAttribute('src');
    this.shows.src = src;
    const early = this.fetched.src === src ? this.fetched.article : null;
    this.fetched.src = this.fetched.article = null; // a later load of the same src fetches afresh
    let result;
    if (src) result = await (early ?? fetchArticle(src));
    else if (hasInlineArticle(this)) result = articleFromElement(this);
    else result = { error: [['error.no-src'], pageMessages.noInline] };
    if (token !== this.loadToken || !this.widgetId) return; // a newer load() took over, or the element left
    // An HTML articleBody is read by the browser's parser into blocks (rich-text.js); the faces its
    // italic runs need come before its first layout, so its lines are broken once.
    let blocks = null;
    if (result.bytes) {
      blocks = articleBlocks(result.text ?? new TextDecoder().decode(result.bytes), src ? new URL(src, document.baseURI).href : document.baseURI);
      if (blocks) await this.runtime.loadFaces(facesUsed(blocks));
      if (token !== this.loadToken || !this.widgetId) return;
    }
    this.setProgress(1);
    if (result.error) {
      await this.speak();
      if (token !== this.loadToken || !this.widgetId) return;
      const error = result.error.map((words) => this.say(words));
      this.call('_aw_show_error', error);
      this.fire('error', { message: error.join(': '), status: result.status ?? 0 });
    } else {
      // The widget's language before its first article, so the article is read and measured once:
      // set after it, the new words would set it again (20 ms of a first frame).
      if (!this.language) await this.speak();
      if (token !== this.loadToken || !this.widgetId) return;
      const source = new URL(src ?? '', document.baseURI).href;
      const { module } = this.runtime;
      withStrings(module, [source, blocks ? JSON.stringify(blocks) : ''], (sourcePtr, blocksPtr) =>
        withBytes(module, result.bytes, (ptr, len) => module._aw_set_article(this.widgetId, ptr, len, sourcePtr, blocksPtr)));
      await this.speak(); // the article's inLanguage may choose another (its catalog first, then the first picture)
      if (token !== this.loadToken || !this.widgetId) return;
      this.updateBackLink();
      if (this.opened) this.pendingOpened = source;
    }
    this.contentSet = true;
    // A feed already in goes into the first picture: its glyphs join the same atlas, and the
    // News Line does not appear a moment later, with a second atlas build.
    if (this.fetched.feedResult && this.shows.feed !== this.getAttribute('feed')) this.loadFeed();
    // The first picture of new content is drawn at once rather than an animation frame later:
    // while the browser's GPU process is busy with the page's first paint, frames come late.
    this.drawNow();
    if (this.shows.feed !== this.getAttribute('feed')) this.loadFeed();
  }

  // Starts fetching what the first picture shows, before the program is in: on a first visit
  // those requests would otherwise wait for it. load() and loadFeed() take them over.
  prefetch() {
    const src = this.getAttribute('src'), feed = this.getAttribute('feed');
    const article = src ? fetchArticle(src) : null;
    // The faces of its script (Cyrillic, Georgian…) start with it, not after its first layout asks.
    article?.then((r) => {
      if (!r.bytes) return;
      r.text = new TextDecoder().decode(r.bytes); // load() reads the same text
      expectScripts(r.text, 'AW Serif');
    });
    const fetched = { src, article, feed, feedText: null, feedResult: null };
    if (feed) {
      fetched.feedText = fetchFeed(new URL(feed, document.baseURI));
      fetched.feedText.then((text) => ({ text }), (error) => ({ error })).then((r) => { fetched.feedResult = r; });
    }
    this.fetched = fetched;
  }

  // The News Line. Without it (no feed attribute, offline, broken feed) the widget simply shows none.
  async loadFeed() {
    const feed = this.getAttribute('feed');
    this.shows.feed = feed;
    if (!feed || !this.widgetId) return;
    const url = new URL(feed, document.baseURI);
    const early = this.fetched.feed === feed ? this.fetched : null;
    this.fetched.feed = null;
    // A prefetched feed already in is set at once, so load() can put it into the first picture.
    if (early?.feedResult) return this.setFeed(url, early.feedResult);
    this.call('_aw_expect_feed', [], 1);
    const result = await (early?.feedText ?? fetchFeed(url)).then((text) => ({ text }), (error) => ({ error }));
    if (this.shows.feed === feed && this.widgetId) this.setFeed(url, result);
  }

  setFeed(url, { text, error }) {
    if (error) {
      this.shows.feed = null;
      this.call('_aw_expect_feed', [], 0);
      console.warn(`[article-widget] News Line not shown: ${url.pathname}: ${error.message}`);
    } else {
      this.call('_aw_set_feed', [text, url.href], Date.now() / 1000, -new Date().getTimezoneOffset());
    }
  }

  /** Opens another article inside the widget (News Line items do this); back() returns. */
  open(url) {
    this.history.push(this.getAttribute('src'), this.headline);
    this.opened = true;
    this.setAttribute('src', url);
    if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: 'start' });
  }

  back() {
    const previous = this.history.pop();
    if (!previous) return;
    this.opened = true;
    if (previous.src === null) this.removeAttribute('src'); // back to the element's own article
    else this.setAttribute('src', previous.src);
    if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: 'start' });
  }

  updateBackLink() {
    const previous = this.history.previous;
    this.call('_aw_set_back', [previous ? previous.headline ?? this.words.t('back.previous') : '']);
  }

  // The language of the widget: its lang attribute, else the article's inLanguage, else the page's
  // <html lang>, else English; the first of them with a catalog. Its catalog is fetched (once per
  // page) and handed to the runtime before the widget speaks it. Resolves once it does.
  async speak() {
    const article = this.widgetId && this.runtime ? this.runtime.articleLanguage(this.widgetId) : '';
    const language = languageOf(this.getAttribute('lang'), article, document.documentElement.lang);
    const catalog = await loadCatalog(language);
    if (catalog) expectScripts(catalog.text, 'AW Sans'); // the controls' words: Russian's need the Cyrillic faces
    if (language !== languageOf(this.getAttribute('lang'), article, document.documentElement.lang)) return; // changed meanwhile
    const spoken = catalog ? language : 'en';
    this.words = translator(spoken, catalog);
    // Screen readers speak each part in its language: the article in its own, the controls in the widget's.
    this.textLayer.lang = article || spoken;
    this.formLayer.root.lang = spoken;
    if (!this.widgetId || !this.runtime || this.language === spoken) return;
    this.language = spoken;
    this.runtime.setCatalog(spoken, catalog);
    this.call('_aw_set_language', [spoken]);
    this.updateBackLink(); // "Back to the previous article" when the previous one had no headline
  }

  // A message of the shell's as [id, args] (args may name other messages: { what: 'error.download.fonts' }).
  // Words are a catalog message, [id, args], or text already written (an HTML page's errors, article-page.js).
  say(words) {
    if (typeof words === 'string') return words;
    const [id, args = {}] = words;
    const filled = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, Array.isArray(v) ? this.say(v) : v]));
    return this.words.t(id, filled);
  }

  // Calls the runtime for this widget (strings first, then numbers), then draws.
  call(name, strings, ...numbers) {
    if (!this.widgetId || this.broken) return;
    try {
      this.runtime.call(this.widgetId, name, strings, ...numbers);
    } catch (e) {
      return this.crashed(e);
    }
    this.requestFrame();
  }

  // The program itself failed (a trap: out of memory, a bug); the C++ side turns what it can
  // catch into the error view, so this is the last line: say so and draw no more.
  crashed(error) {
    console.error('[article-widget] the widget stopped:', error);
    this.broken = true;
    this.runtime.cancel(this);
    this.failWithoutCanvas(this.words.t('error.stopped'));
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
      case Message.PostReview: return this.transport.post(payload.identifier, payload.body);
      case Message.FetchReviews: return this.transport.list(payload.item, payload.page, payload.fresh);
      case Message.FetchSummary: return this.transport.summary(payload.item, payload.fresh);
      case Message.PostReport: return this.transport.report(payload.identifier, payload.body);
      case Message.WakeAt: return this.transport.wakeAt(payload.at);
      case Message.NeedFaces: return this.runtime.loadScriptFaces(payload.faces);
      default: return console.warn('[article-widget] unknown message from the widget:', type);
    }
  }

  setContentHeight(h) {
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
        if (!this.widgetId) return;
        this.runtime.module._aw_describe(this.widgetId); // the semantics and controls messages follow
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

  // The part of the widget in view (near it, the part that comes into view first), with the box's
  // rectangle; null when there is none to draw.
  visible() {
    const box = this.box.getBoundingClientRect();
    const slice = visibleSlice(box, this.getBoundingClientRect(), window.innerHeight, this.clientHeight, this.ready, this.runtime.isNear(this));
    return slice && { slice, box };
  }

  // The window resized or changed its pixel ratio: a new band when the old one no longer fits.
  // One not yet laid out still draws its first slice to learn its height.
  viewportMoved() {
    if (!this.ready) return this.requestFrame();
    if (this.widgetId && this.runtime.isNear(this) && this.bandShort()) this.requestFrame();
  }

  // Whether there is a part to draw (in view, or near it the part drawn ahead) that the band drawn does not hold.
  bandShort() {
    const seen = this.visible();
    return !!seen && !bandCovers(this.view, seen.slice, Math.floor(seen.box.height), window.devicePixelRatio || 1);
  }

  // The page (or the element itself) scrolled. Until the view reaches a band edge, which the
  // browser watches (bandEdgeReached), the compositor moves the picture already drawn and the
  // only work for a widget near the view is the lift (issue 22).
  // A jump (an anchor link, scrollIntoView, End) can bring a widget into view that the runtime does
  // not count near yet: its observer says so only after the frame that shows the widget. Asked for
  // here, in that frame's scroll step, the picture is drawn in that same frame (issue 14). This is
  // one measure of the box per tick, of widgets away from the view only.
  scrolled() {
    if (!this.ready) return this.requestFrame();
    if (!this.widgetId) return;
    if (this.runtime.isNear(this)) return this.liftWhileScrolling();
    if (this.bandShort()) this.requestFrame();
  }

  bandEdgeReached() {
    this.bandStale = true;
    this.requestFrame();
  }

  // Puts the band edges where this band needs them (none without a band), and has the browser
  // look at them afresh when they move: a view already past a moved edge is then reported too.
  placeEdges(band, slice, boxHeight) {
    const at = band ? bandEdges(band, slice, boxHeight) : { above: null, below: null };
    for (const side of ['above', 'below']) {
      if (at[side] === this.edgesAt[side]) continue;
      this.edgesAt[side] = at[side];
      const s = this.edges[side].style;
      if (at[side] === null) s.display = 'none';
      else if (side === 'above') Object.assign(s, { display: '', top: '0', height: `${at.above}px` });
      else Object.assign(s, { display: '', top: `${at.below}px`, bottom: '0' });
      this.runtime.watchEdge(this.edges[side], at[side] !== null);
    }
  }

  // While the page scrolls, the picture is lifted above its mirrors (the text layer and the
  // controls, whose text is transparent). They then go into the page's own layer, unpainted
  // (opacity 0, article-widget.css), instead of a layer of their own over the canvas, which the
  // compositor blended in every frame for nothing visible: with them the widget scrolled at about
  // twice the plain page's GPU work (bench/NOTES.md, issue 22). The lifted canvas takes no pointer
  // events, so clicks and hover still reach the mirrors. They come back on top LIFT_MS after the last scroll event, for what only they show:
  // selection and find-in-page highlights, focus outlines. Text of the widget already selected
  // keeps them on top while the page scrolls.
  liftWhileScrolling() {
    if (this.noWebGl) return;
    this.lastScroll = performance.now(); // one timer per lift, not one per scroll event (each costs more than this whole check)
    if (this.lifted || this.hasSelection()) return;
    this.lifted = true;
    this.box.classList.add('scrolling');
    const settle = () => {
      const left = this.lastScroll + LIFT_MS - performance.now();
      if (left > 0) {
        setTimeout(settle, left);
        return;
      }
      this.lifted = false;
      this.box.classList.remove('scrolling');
    };
    setTimeout(settle, LIFT_MS);
  }

  // Text of the widget is selected: the selection starts or ends in it (the browser gives nodes
  // inside the shadow tree) or spans it.
  hasSelection() {
    const s = document.getSelection();
    if (!s || s.isCollapsed) return false;
    const inside = (node) => !!node && (this.shadowRoot.contains(node) || this.contains(node));
    return inside(s.anchorNode) || inside(s.focusNode) || s.containsNode(this, true);
  }

  // Places the canvas on a band holding the visible slice and sends it to the runtime (a new
  // band only when the old one no longer holds the view); false when nothing is visible.
  syncViewport() {
    const seen = this.visible();
    if (!seen) return false;
    const { slice, box } = seen;
    const boxHeight = Math.floor(box.height);
    const dpr = window.devicePixelRatio || 1;
    const direction = Math.sign(slice.top - this.lastTop);
    this.lastTop = slice.top;
    const v = this.view;
    if (!this.bandStale && bandCovers(v, slice, boxHeight, dpr)) {
      this.placeEdges(v, slice, boxHeight); // the content's height may have changed
      return true;
    }
    this.bandStale = false;
    // The first picture is the visible slice alone, so it costs no more than before bands; the
    // band grows with the first scroll.
    const band = bandAround(slice, box.height, dpr, this.ready ? this.runtime.maxRows : 0, direction);
    this.view = { ...band, dpr };
    if (!v || v.width !== band.width) this.canvas.style.width = `${band.width}px`;
    if (!v || v.height !== band.height) this.canvas.style.height = `${band.height}px`;
    this.canvas.style.transform = `translateY(${band.top}px)`;
    // The backing store matches the device pixels, so the picture maps 1:1 (set only on a change:
    // assigning width or height clears the canvas even when unchanged).
    const w = Math.round(band.width * dpr);
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== band.rows) this.canvas.height = band.rows;
    this.runtime.module._aw_set_viewport(this.widgetId, band.width, band.height, dpr, band.top);
    this.placeEdges(band, slice, boxHeight);
    // A still pointer is over other content of the new band.
    if (this.pointer) this.runtime.module._aw_pointer_move(this.widgetId, this.pointer.x - box.left, this.pointer.y - box.top - band.top);
    return true;
  }

  // The canvas's size in device pixels changed: a new pixel ratio draws afresh; a band that
  // moved (the canvas resized itself) needs nothing more.
  canvasResized() {
    if (this.view && this.view.dpr !== (window.devicePixelRatio || 1)) this.requestFrame();
  }

  requestFrame() {
    // Nothing to draw before the article (or its error) is in: a frame then would only build the font atlas twice.
    if (!this.widgetId || !this.contentSet) return;
    this.runtime.schedule(this);
  }

  // Draws again whatever it shows (after a move in the DOM, a restored GPU context).
  redraw() {
    this.view = null;
    this.requestFrame();
  }

  drawFrame(now) {
    if (!this.widgetId || this.broken || !this.syncViewport()) return; // off screen: draw nothing until it scrolls into view
    if (!this.frames) performance.mark('aw:first-frame-start');
    let result;
    try {
      result = this.runtime.module._aw_frame(this.widgetId, now, this.ready ? 1 : 0);
    } catch (e) {
      return this.crashed(e);
    }
    if (result & Frame.NoWebGl && !this.noWebGl) this.withoutWebGl();
    if (result & (Frame.Drew | Frame.NoWebGl)) {
      if (!this.frames) performance.mark('aw:first-frame'); // the bench's "first frame"
      this.frames++;
      if (!this.ready) this.describeSoon();
    }
    if (result & Frame.More) this.requestFrame();
  }

  // No WebGL 2 (a blocklisted GPU driver, --disable-webgl): the wasm side still lays out, validates
  // and describes every frame, and the mirrors it places show themselves instead of the picture:
  // the text layer as text, the controls as the browser's own (article-widget.css, .plain).
  withoutWebGl() {
    this.noWebGl = true;
    this.formLayer.plain = true;
    this.box.classList.add('plain');
    console.warn('[article-widget] WebGL 2 is not available: the article is shown as HTML text and controls.');
  }

  // The picture the runtime drew for this widget, moved into its canvas.
  show(bitmap) {
    this.picture ??= this.canvas.getContext('bitmaprenderer');
    this.picture.transferFromImageBitmap(bitmap);
  }

  // Near the view (or in it, after a jump): drawn at once, in the observer's own task after the
  // frame that saw it, so the picture shows in the next frame, not a frame after that (issue 14).
  cameNear() {
    if (this.widgetId && this.contentSet) this.drawNow();
  }

  // A frame now rather than at the next animation frame. A page in a background tab waits for
  // that frame instead, which comes once the page is shown.
  drawNow() {
    if (document.hidden) return this.requestFrame();
    this.runtime.cancel(this); // a frame already asked for would only draw the same picture again
    this.drawFrame(performance.now());
  }

  // Well out of view: the picture is let go, so an offscreen widget holds no GPU memory.
  leftView() {
    this.placeEdges(null); // the browser watches the edges of widgets near the view only
    if (!this.picture) return;
    this.picture.transferFromImageBitmap(null);
    this.view = null; // coming back draws afresh
  }

  // Before the canvas has drawn an article, the element's own article markup is what readers see,
  // and the box lies behind it, out of the flow (article-widget.css, .behind).
  updateInline() {
    const inline = !this.tookOver && hasInlineMarkup(this);
    this.inline.hidden = !inline;
    this.box.classList.toggle('behind', inline);
  }

  markReady() {
    this.ready = true;
    if (this.shown === 'article' && !this.tookOver) {
      this.tookOver = true;
      // Only a box that lay behind the element's own article has moved: its slice is sent again, and drawn at once.
      if (this.box.classList.contains('behind')) {
        this.updateInline();
        this.view = null;
        this.drawFrame(performance.now());
      }
    }
    clearTimeout(this.statusTimer);
    this.runtime.prepareTyping();
    this.status.hidden = true;
    this.box.classList.add('drawn');
    if (this.shown === 'article') this.fire('ready', { src: this.getAttribute('src') });
    if (this.shown === 'article' && this.pendingOpened) {
      this.fire('article-opened', { url: this.pendingOpened, headline: this.headline });
      this.pendingOpened = null;
    }
  }

  // text: a string, or a function giving it when it shows (its catalog may come in meanwhile).
  showStatus(text, delayMs = 0) {
    clearTimeout(this.statusTimer);
    const show = () => {
      this.status.querySelector('.status-text').textContent = typeof text === 'function' ? text() : text;
      this.status.hidden = false;
    };
    if (delayMs) this.statusTimer = setTimeout(show, delayMs);
    else show();
    this.setProgress(0);
  }

  setProgress(fraction) {
    this.status.querySelector('.progress-bar').style.transform = `scaleX(${fraction})`;
  }

  // Without the program (download failed) the status line says why.
  failWithoutCanvas(message) {
    this.showStatus(message);
    this.status.classList.add('failed');
    this.status.setAttribute('role', 'alert');
    this.fire('error', { message, status: 0 });
  }

  fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  applyTheme() {
    if (!this.widgetId) return;
    const theme = this.getAttribute('theme') || 'auto';
    const dark = theme === 'dark' || (theme !== 'light' && this.runtime.dark); // unknown values: auto, as in the CSS
    this.box.classList.toggle('dark', dark);
    this.call('_aw_set_dark', [], dark ? 1 : 0);
    // Host colours (--aw-accent, --aw-background; see host-colors.js): -1 keeps the theme's own.
    const colors = hostColors(this);
    this.call('_aw_set_colors', [], colors.accent, colors.background);
  }
}

customElements.define('article-widget', ArticleWidget);
