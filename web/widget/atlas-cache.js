// The first picture's font atlas, kept in Cache Storage for the reader's next
// visit: rasterising it is a large share of the wasm work before a returning
// reader sees the article. An entry is found by the article and the pixel
// ratio; what it holds is checked by the wasm side (src/ui/AtlasCache.h: the
// faces' bytes, sizes and glyphs it was built from, and a checksum), so an
// entry for another glyph set or damaged on disk is ignored and the atlas
// rasterised as on a first visit. Storage refused or missing (file://, private
// modes, quota): nothing is kept, nothing breaks.
const CACHE = 'article-widget-atlas';
const MAX_ENTRIES = 16;
// An entry's name: a URL beside the article (never requested; Cache Storage names entries by URL).
function locator(src, dpr) {
  const article = new URL(src, document.baseURI);
  return new URL(`article-widget-atlas?dpr=${dpr}&src=${encodeURIComponent(article.href)}`, article).href;
}

/** The entry kept for this article at this pixel ratio, or null. */
export async function readAtlas(src, dpr) {
  try {
    if (!src || !globalThis.caches) return null;
    const hit = await (await caches.open(CACHE)).match(locator(src, dpr));
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/** Keeps an atlas the wasm side built for this article's first picture, once the page is idle; resolves when done. */
export function keepAtlas(src, dpr, bytes) {
  if (!src || !globalThis.caches) return Promise.resolve();
  const store = async () => {
    const key = locator(src, dpr);
    const cache = await caches.open(CACHE);
    await cache.put(key, new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } }));
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) await cache.delete(old);
  };
  const later = (f) => (window.requestIdleCallback ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 500));
  return new Promise((resolve) => later(() => store().catch(() => {}).then(resolve)));
}
