// One runtime for the whole page, however many widgets it has: the compiled
// program and its one instance (whose registry holds a state per widget), the
// fonts and their atlases, one WebGL context that draws each visible widget's
// band in turn, one animation-frame loop, and the page-wide events (scroll,
// resize, online, colour scheme, pixel ratio) fanned out to the widgets.
import { Faces, OptionalFaces, ScriptFaces } from './protocol.js';
import { keepAtlas } from './atlas-cache.js';
import { englishCatalog, translator } from './catalogs.js';

const here = new URL('.', import.meta.url);

// A download that failed, as a message for the reader ([id, args], in the widget's language) and in English.
class DownloadError extends Error {
  constructor(id, args) {
    const words = [id, { ...args, what: [args.what] }];
    super(translator('en').t(id, { ...args, what: translator('en').t(args.what) }));
    this.words = words;
  }
}

// what: 'error.download.program' or 'error.download.fonts'.
async function fetchOk(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new DownloadError('error.download.offline', { what, path: url.pathname });
  }
  if (!response.ok) throw new DownloadError('error.download.status', { what, status: `${response.status} ${response.statusText}`.trim() });
  return response;
}

async function compileWasm(url) {
  const response = await fetchOk(url, 'error.download.program');
  // Streaming compilation needs the application/wasm type; any host without it still works.
  if (WebAssembly.compileStreaming && response.headers.get('Content-Type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

// Copies bytes into the wasm heap for one call. With `handOver` the callee owns (and frees) them.
export function withBytes(module, bytes, call, handOver = false) {
  const ptr = module._malloc(bytes.length || 1);
  module.HEAPU8.set(bytes, ptr); // after _malloc: a growing heap replaces HEAPU8
  try { return call(ptr, bytes.length); } finally { if (!handOver) module._free(ptr); }
}

const encoder = new TextEncoder();
export function withStrings(module, strings, call) {
  const ptrs = strings.map((s) => {
    const bytes = encoder.encode(s + '\0');
    const p = module._malloc(bytes.length);
    module.HEAPU8.set(bytes, p);
    return p;
  });
  try { return call(...ptrs); } finally { ptrs.forEach((p) => module._free(p)); }
}

// Faces of other scripts, fetched once per page: as soon as the shell sees content of their script
// (expectScripts), so that a Russian article's Cyrillic is in by its first layout, else when the
// program asks (NeedFaces, loadScriptFaces).
const scriptFaceBytes = new Map(); // index in ScriptFaces -> Promise of its bytes
const fetchScriptFace = (i) => {
  if (!scriptFaceBytes.has(i)) scriptFaceBytes.set(i, fetchOk(new URL(ScriptFaces[i].file, here), 'error.download.fonts').then((r) => r.arrayBuffer()));
  return scriptFaceBytes.get(i);
};
// Each face's unicode-range as a character class ("U+0400-045F,U+2116" -> /[\u{0400}-\u{045F}\u{2116}]/u).
const scriptLetters = ScriptFaces.map((f) => new RegExp(`[${f.unicodeRange.split(',')
  .map((range) => range.trim().replace(/^U\+/i, '').split('-').map((hex) => `\\u{${hex}}`).join('-')).join('')}]`, 'u'));

/**
 * Starts fetching the faces of `family` whose script `text` has letters of: 'AW Serif' for an
 * article's text (its body and headline), 'AW Sans' for a catalog's (the controls). The program
 * still asks for exactly what it draws; this only starts the likely ones before it can.
 */
export function expectScripts(text, family) {
  const has = new Map(); // a script's range -> whether the text has its letters: one scan a script, not a face
  ScriptFaces.forEach((f, i) => {
    if (f.family !== family) return;
    if (!has.has(f.unicodeRange)) has.set(f.unicodeRange, scriptLetters[i].test(text));
    if (has.get(f.unicodeRange)) fetchScriptFace(i).catch(() => {}); // reported when asked for
  });
}

// How often, while the page scrolls, the widgets hear that it still does.
export const SCROLL_TICK_MS = 100;

// How far around the viewport a widget counts as near: those draw while the page scrolls.
const NEAR_MARGIN_PX = 100;

// The page's scrolling, told to the widgets when it starts and then once a tick while it goes
// on, not once a scroll event: a timer compares the position. A handler run for every wheel step
// (every frame, for a touch or trackpad fling) that told every widget was the most script
// scrolling cost (issue 22, bench/NOTES.md); between ticks the listener only compares two numbers.
// It tells at once of a jump (an anchor, scrollIntoView, End) even mid-scroll: a move larger than
// the near margin in one frame can show a widget the near observer has not seen, and only the
// scroll step, before the frame's drawing, can ask it to draw in that frame (issue 14).
function watchScrolling(tell) {
  let ticking = false;
  let tickX = 0, tickY = 0; // at the last tick
  let eventX = window.scrollX, eventY = window.scrollY; // at the last scroll event
  const tick = () => {
    const nowX = window.scrollX, nowY = window.scrollY; // each read may bring layout up to date
    if (nowX === tickX && nowY === tickY) { ticking = false; return; }
    tickX = nowX;
    tickY = nowY;
    tell();
    setTimeout(tick, SCROLL_TICK_MS);
  };
  window.addEventListener('scroll', () => {
    const nowX = window.scrollX, nowY = window.scrollY;
    const jumped = Math.abs(nowX - eventX) > NEAR_MARGIN_PX || Math.abs(nowY - eventY) > NEAR_MARGIN_PX;
    eventX = nowX;
    eventY = nowY;
    if (!ticking) {
      ticking = true;
      tickX = nowX;
      tickY = nowY;
      setTimeout(tick, SCROLL_TICK_MS);
    } else if (!jumped) return;
    tell();
  }, { passive: true });
}

class Runtime {
  constructor(module) {
    this.module = module;
    /** @type {Map<number, any>} widget id -> its element */
    this.widgets = new Map();
    this.dirty = new Set();
    this.raf = 0;
    this.typingPrepared = false;
    this.atlasKept = Promise.resolve();
    this.catalogs = new Set(['en']); // languages whose catalogs the program has
    this.scriptFaces = new Set();    // indexes of ScriptFaces asked for
    this.scriptFacesLoading = 0;     // of those, still on their way (tests wait for none)
    // Page-wide happenings, each listened to once; widgets subscribe with their connection's signal.
    this.events = new EventTarget();
    const tell = (type) => () => this.events.dispatchEvent(new Event(type));
    watchScrolling(tell('scroll'));
    window.addEventListener('resize', tell('viewport'));
    window.addEventListener('online', tell('online'));
    this.scheme = matchMedia('(prefers-color-scheme: dark)');
    this.scheme.addEventListener('change', tell('scheme'));
    this.watchPixelRatio(tell('viewport'));
    // Which widgets are near the viewport: only those draw while the page scrolls.
    this.near = new Set();
    this.intersections = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) { this.near.add(e.target); e.target.cameNear(); } else { this.near.delete(e.target); e.target.leftView(); }
      }
    }, { rootMargin: `${NEAR_MARGIN_PX}px 0px` });
    // A widget's own box, or its canvas in device pixels (whose element is the shadow root's host).
    // The canvas resizes itself when its band moves: the widget tells whether that was all.
    this.sizes = new ResizeObserver((entries) => {
      for (const e of entries) {
        if (e.target instanceof HTMLCanvasElement) e.target.getRootNode().host.canvasResized();
        else e.target.requestFrame();
      }
    });
    // The widgets' band edges (article-widget.js, placeEdges): one reached while the page scrolls
    // asks for a new band.
    this.edges = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) e.target.getRootNode().host.bandEdgeReached();
    });
    this.surfaceRows = 0; // the tallest drawing buffer the GPU takes, once known
    this.presented = false; // a picture was drawn: the context exists
    this.surface = new OffscreenCanvas(1, 1);
    module.glCanvas = this.surface;
    this.surface.addEventListener('webglcontextlost', (e) => {
      e.preventDefault(); // asks the browser to restore it
      module._aw_context_lost();
      this.events.dispatchEvent(new Event('contextlost'));
    });
    this.surface.addEventListener('webglcontextrestored', () => {
      module._aw_context_restored();
      for (const w of this.widgets.values()) w.redraw();
    });
  }

  // A media query on the current ratio fires once when it changes (zoom, another screen); re-armed each time.
  watchPixelRatio(changed) {
    matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`).addEventListener('change', () => {
      this.watchPixelRatio(changed);
      changed();
    }, { once: true });
  }

  get dark() { return this.scheme.matches; }

  // Optional faces (italic), fetched once for the page when an article first needs them.
  // Resolves when they are in the runtime; a face that fails is drawn with its upright sibling.
  loadFaces(keys) {
    this.faces ??= new Map();
    return Promise.all(keys.map((key) => {
      const index = OptionalFaces.findIndex((f) => f.key === key);
      if (index < 0) return null;
      if (!this.faces.has(key)) {
        const f = OptionalFaces[index];
        this.faces.set(key, fetchOk(new URL(f.file, here), 'error.download.fonts').then((r) => r.arrayBuffer()).then((bytes) => {
          const face = new FontFace(f.family, bytes.slice(0), { weight: f.weight, style: f.style });
          document.fonts.add(face);
          face.load().catch(() => {});
          withBytes(this.module, new Uint8Array(bytes), (ptr, len) => this.module._aw_set_face(Faces.length + index, ptr, len), true);
        }).catch((e) => console.warn(`[article-widget] ${f.key} not loaded, drawn upright: ${e.message}`)));
      }
      return this.faces.get(key);
    }));
  }

  // Pictures, once for the page (js_load_image in WebMain.cpp asks): fetched, decoded off the main
  // thread by createImageBitmap and kept here as bitmaps, which the runtime uploads as textures (and
  // again after a lost context). Every widget is asked for a frame when one is in or has failed.
  loadImage(url) {
    this.bitmaps ??= new Map();
    this.imageStates ??= new Map(); // url -> 'loading', 'ready' or 'failed' (tests wait on it)
    this.imageStates.set(url, 'loading');
    const done = (ok, bitmap) => {
      if (ok) this.bitmaps.set(url, bitmap);
      this.imageStates.set(url, ok ? 'ready' : 'failed');
      withStrings(this.module, [url], (ptr) => (ok ? this.module._aw_image_loaded(ptr, bitmap.width, bitmap.height) : this.module._aw_image_failed(ptr)));
      for (const w of this.widgets.values()) w.requestFrame();
    };
    // Accept names it as a picture for the service worker, which keeps the pictures shown (sw.js).
    fetch(url, { mode: 'cors', credentials: 'omit', headers: { Accept: 'image/avif,image/webp,image/*;q=0.8' } })
      .then((r) => { if (!r.ok) throw new Error(`the server answered ${r.status}`); return r.blob(); })
      .then((blob) => createImageBitmap(blob))
      .then((bitmap) => done(true, bitmap))
      .catch((e) => {
        console.warn(`[article-widget] picture not shown: ${url}: ${e.message}`);
        done(false);
      });
  }

  imageBitmap(url) { return this.bitmaps?.get(url); }

  // The glyphs for typing are left out of the first picture's atlas; they are added, once for
  // the page, when it is idle after its first widget is drawn. typingPrepared: false, 'soon',
  // then true once they are in (tests wait for it).
  prepareTyping() {
    if (this.typingPrepared) return;
    this.typingPrepared = 'soon';
    const prepare = () => {
      this.module._aw_prepare_typing();
      this.typingPrepared = true;
      for (const w of this.near) w.requestFrame();
    };
    if (window.requestIdleCallback) requestIdleCallback(prepare, { timeout: 500 }); else setTimeout(prepare, 200);
  }

  /** A state for the element in the registry; its id names it in every call. */
  register(element) {
    const id = this.module._aw_create();
    this.widgets.set(id, element);
    this.intersections.observe(element);
    this.sizes.observe(element);
    // The canvas's size in device pixels changes with zoom and screens too: a second witness of DPR changes.
    try { this.sizes.observe(element.canvas, { box: 'device-pixel-content-box' }); } catch { /* the media query above */ }
    return id;
  }

  unregister(id, element) {
    this.module._aw_destroy(id);
    this.widgets.delete(id);
    this.dirty.delete(element);
    this.near.delete(element);
    this.intersections.unobserve(element);
    this.sizes.unobserve(element);
    this.sizes.unobserve(element.canvas);
    for (const edge of Object.values(element.edges)) this.edges.unobserve(edge);
  }

  // An edge that moved is watched afresh (its first report says whether the view is already past
  // it); one the band no longer needs is not watched.
  watchEdge(edge, needed) {
    this.edges.unobserve(edge);
    if (needed) this.edges.observe(edge);
  }

  isNear(element) { return this.near.has(element); }

  // Calls a wasm export for one widget, strings first (copied into the heap) and numbers after.
  call(id, name, strings, ...numbers) {
    return withStrings(this.module, strings, (...ptrs) => this.module[name](id, ...ptrs, ...numbers));
  }

  onMessage(id, type, payload) { this.widgets.get(id)?.onMessage(type, payload); }

  // How many device rows a widget's band may have: the GPU's limit for a drawing buffer, asked
  // once the C++ side has made the context (asking earlier would make one with other attributes).
  // 0 until then: the first pictures are the visible slices.
  get maxRows() {
    if (!this.surfaceRows && this.presented) {
      const gl = this.surface.getContext('webgl2');
      // A lost context answers null: asked again later.
      const dims = gl?.getParameter(gl.MAX_VIEWPORT_DIMS), buffer = gl?.getParameter(gl.MAX_RENDERBUFFER_SIZE);
      this.surfaceRows = dims && buffer ? Math.min(dims[1], buffer) : 0;
    }
    return this.surfaceRows;
  }

  // A font atlas from an earlier visit (atlas-cache.js), for the first picture to restore if it fits.
  offerAtlas(bytes) {
    withBytes(this.module, bytes, (ptr, len) => this.module._aw_offer_atlas(ptr, len), true);
  }

  // The first picture rasterised its atlas: kept under the article of the widget that drew it.
  // atlasKept resolves once it is stored (tests wait for it).
  atlasBuilt(id, bytes) {
    const element = this.widgets.get(id);
    if (element) this.atlasKept = keepAtlas(element.getAttribute('src'), window.devicePixelRatio || 1, bytes);
  }

  // The shared surface holds a widget's new picture: it moves to the widget's canvas without a copy.
  // False when the context was lost after this frame began and before its contextlost event
  // (which redraws every widget once the context is back): there is no picture to hand over.
  present(id) {
    this.gl ??= this.surface.getContext('webgl2'); // the program's own context, made before its first frame
    if (this.gl.isContextLost()) return false;
    this.presented = true;
    this.widgets.get(id)?.show(this.surface.transferToImageBitmap());
    return true;
  }

  /** One animation frame for the page: every widget that asked draws in it. */
  schedule(element) {
    this.dirty.add(element);
    if (this.raf) return;
    this.raf = requestAnimationFrame((now) => {
      this.raf = 0;
      const due = [...this.dirty];
      this.dirty.clear();
      for (const w of due) w.drawFrame(now);
    });
  }

  cancel(element) { this.dirty.delete(element); }

  /** Hands a language's catalog ({ text } of its PO file) to the program, once per page. */
  setCatalog(language, catalog) {
    if (this.catalogs.has(language) || !catalog) return;
    this.catalogs.add(language);
    withStrings(this.module, [language, catalog.text], (l, po) => this.module._aw_set_catalog(l, po));
  }

  /**
   * Faces of other scripts (Cyrillic, Georgian, Armenian) that a widget's content needs, from its NeedFaces
   * message: each fetched once per page, for the drawing and for the text layer (the same bytes,
   * under the family they extend, for their unicode-range only). Pages without such letters never
   * ask. One that cannot be had is given up: those letters show as U+FFFD, and the console says so.
   */
  loadScriptFaces(indexes) {
    for (const i of indexes) {
      if (this.scriptFaces.has(i) || !ScriptFaces[i]) continue;
      this.scriptFaces.add(i);
      const f = ScriptFaces[i];
      this.scriptFacesLoading++;
      fetchScriptFace(i).then((bytes) => {
        const face = new FontFace(f.family, bytes.slice(0), { weight: f.weight, unicodeRange: f.unicodeRange });
        document.fonts.add(face);
        face.load().catch(() => {});
        withBytes(this.module, new Uint8Array(bytes), (ptr, len) => this.module._aw_set_script_face(i, ptr, len), true);
      }, (e) => {
        console.warn(`[article-widget] a face for ${f.unicodeRange} could not be loaded: ${e.message}`);
        this.module._aw_set_script_face(i, 0, 0);
      }).finally(() => {
        this.scriptFacesLoading--;
        for (const w of this.widgets.values()) w.requestFrame();
      });
    }
  }

  /** The inLanguage of the article a widget shows ('' for none). */
  articleLanguage(id) { return this.module.UTF8ToString(this.module._aw_article_language(id)); }
}

let shared = null;

// The page's runtime, loaded once; onProgress(done, total) is called as each shared part arrives.
export function loadRuntime(onProgress) {
  if (!shared) {
    const listeners = new Set();
    let done = 0;
    const total = 2 + Faces.length;
    const tick = (value) => { done++; for (const l of listeners) l(done, total); return value; };
    const promise = Promise.all([
      import('./aw.js').then(tick), // a literal path, so the site's bundle carries the glue
      compileWasm(new URL('aw.wasm', here)).then((m) => { performance.mark('aw:wasm-compiled'); return tick(m); }),
      ...Faces.map((f) => fetchOk(new URL(f.file, here), 'error.download.fonts').then((r) => r.arrayBuffer()).then(tick)),
    ]).then(async ([glue, wasm, ...fonts]) => {
      // The same bytes also back the transparent text layer, so selection matches the drawn glyphs.
      Faces.forEach((f, i) => {
        const face = new FontFace(f.family, fonts[i].slice(0), { weight: f.weight });
        document.fonts.add(face);
        face.load().catch(() => {});
      });
      let runtime = null;
      const module = await glue.default({
        instantiateWasm: (imports, receive) => {
          WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm));
          return {};
        },
        print: () => {},
        printErr: (text) => console.warn('[article-widget]', text),
        onMessage: (id, type, payload) => runtime.onMessage(id, type, payload),
        onPresent: (id) => runtime.present(id),
        onAtlasBuilt: (id, bytes) => runtime.atlasBuilt(id, bytes),
        loadImage: (url) => runtime.loadImage(url),
        imageBitmap: (url) => runtime.imageBitmap(url),
        hasReviewsEndpoint: (id) => runtime.widgets.get(id)?.hasAttribute('reviews') ?? false,
      });
      module._aw_init();
      withStrings(module, ['en', englishCatalog.text], (l, po) => module._aw_set_catalog(l, po));
      fonts.forEach((bytes, face) => withBytes(module, new Uint8Array(bytes), (ptr, len) => module._aw_set_face(face, ptr, len), true));
      runtime = new Runtime(module);
      return runtime;
    });
    promise.finally(() => listeners.clear()).catch(() => {});
    // A failed download is tried again by the next widget or reload(), not cached.
    promise.catch(() => { shared = null; });
    shared = { promise, listeners, progress: () => [done, total] };
  }
  if (onProgress) {
    shared.listeners.add(onProgress);
    onProgress(...shared.progress());
  }
  return shared.promise;
}
