// Service worker of the article widget's site. web/widget/offline.js registers
// it; scripts/assemble-site.mjs writes this build's precache list below, so
// every deploy changes these bytes and browsers install the new worker.
//
// - Install: the widget's files (content-hashed, plus the stable entry) go into
//   one cache per version, all or nothing. The new worker takes over at once
//   and deletes the previous version's cache. A hashed file name always leads
//   to hashed names of the same build, so old JS never meets new wasm.
// - Hashed files: cache first. The stable entry, pages, articles, the feed and
//   other same-site GETs: network first (fresh when online), falling back to
//   the copy seen last; what the page loaded before the worker was in control
//   is fetched once on the page's request ("remember").
// - Faces only some articles use (italic, the manifest's `optional`): fetched
//   when an article needs them, then kept with this version's files.
// - Pictures the widget fetched (runtime.js asks with Accept: image/…), from
//   this site or another: cache first in their own cache, kept once shown
//   (a picture at a URL does not change), the oldest let go past a limit.
// - Not touched: other origins' other requests, non-GET requests (reviews are POSTed, and wait
//   in the widget's outbox when offline), anything under /api/.
const MANIFEST = /* precache-manifest */ { "version": "dev", "files": [] } /* end */;

const SCOPE = new URL('./', self.location).href;
const PREFIX = `article-widget:${SCOPE}:`;      // caches are per origin: keep sites on one origin apart
const PRECACHE = `${PREFIX}${MANIFEST.version}`;
const CONTENT = `article-widget-content:${SCOPE}`; // pages and content seen; survives deploys
const HASHED = /\.[0-9a-f]{8,64}\.[a-z0-9]+$/i;
const MAX_CONTENT_ENTRIES = 200;
const IMAGES = `article-widget-images:${SCOPE}`;
const MAX_IMAGE_ENTRIES = 100;
const NETWORK_TIMEOUT_MS = 6000;

const precached = new Set(MANIFEST.files.map((f) => new URL(f, SCOPE).href));
// This build's faces fetched only by articles that use them: kept with the build's files once fetched.
const optional = new Set((MANIFEST.optional ?? []).map((f) => new URL(f, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(PRECACHE);
    try {
      // The stable entry bypasses the HTTP cache: a stale copy would point at another build.
      await cache.addAll(MANIFEST.files.map((f) =>
        new Request(new URL(f, SCOPE), { cache: HASHED.test(f) ? 'default' : 'no-cache' })));
    } catch (e) {
      await caches.delete(PRECACHE); // all or nothing: the previous worker stays in charge
      throw e;
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== PRECACHE) await caches.delete(name);
    }
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  url.hash = '';
  if (/^image\//.test(request.headers.get('Accept') ?? '')) {
    event.respondWith(picture(request, url.href));
    return;
  }
  if (url.origin !== self.location.origin) return;
  if (optional.has(url.href)) {
    event.respondWith(keptIn(PRECACHE, request, url.href));
    return;
  }
  if (precached.has(url.href)) {
    event.respondWith(HASHED.test(url.pathname)
      ? cacheFirst(request, url.href)
      : networkFirst(event, new Request(request, { cache: 'no-cache' }), url.href, null));
    return;
  }
  if (!cacheable(url)) return;
  event.respondWith(networkFirst(event, request, url.href, CONTENT));
});

// Pages the reader opens and the files they load, in this site: not the widget's
// own hashed files (another build's are never kept) and not the review API.
function cacheable(url) {
  return url.origin === self.location.origin && url.href.startsWith(SCOPE) &&
    !HASHED.test(url.pathname) && !/\/api\//.test(url.pathname) && !precached.has(url.href);
}

async function lookup(key) {
  for (const name of [PRECACHE, CONTENT]) {
    const hit = await (await caches.open(name)).match(key, { ignoreVary: true, ignoreSearch: false });
    if (hit) return hit;
  }
  return undefined;
}

async function cacheFirst(request, key) {
  return (await lookup(key)) ?? fetch(request);
}

async function networkFirst(event, request, key, storeIn) {
  const network = fetch(request).then(async (response) => {
    if (storeIn && worthKeeping(response)) await store(storeIn, key, response.clone());
    return response;
  });
  event.waitUntil(network.then(() => {}, () => {}));
  let timer;
  const slow = new Promise((resolve) => { timer = setTimeout(resolve, NETWORK_TIMEOUT_MS, null); });
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return (await lookup(key)) ?? (await network); // a very slow network: the copy seen last, if any
  } catch (e) {
    const hit = await lookup(key);
    if (hit) return hit;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

// A picture: the copy kept, else the network's answer, kept when whole (a CORS or same-site 200).
const picture = (request, key) => keptIn(IMAGES, request, key, MAX_IMAGE_ENTRIES);

async function keptIn(name, request, key, limit = Infinity) {
  const cache = await caches.open(name);
  const hit = await cache.match(key, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.status === 200 && (response.type === 'basic' || response.type === 'cors') &&
      !/no-store/i.test(response.headers.get('Cache-Control') ?? '')) {
    await cache.put(key, response.clone());
    if (limit !== Infinity) {
      const keys = await cache.keys();
      for (const old of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(old);
    }
  }
  return response;
}

function worthKeeping(response) {
  return response.ok && response.type === 'basic' && response.status === 200 &&
    !/no-store/i.test(response.headers.get('Cache-Control') ?? '');
}

async function store(name, key, response) {
  // A redirected response may not answer a navigation: keep a plain copy.
  const copy = response.redirected
    ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers })
    : response;
  const cache = await caches.open(name);
  await cache.put(key, copy);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_CONTENT_ENTRIES))) await cache.delete(old);
}

// A page that loaded before this worker controlled it lists what it loaded.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'article-widget:remember' || !Array.isArray(data.urls)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CONTENT);
    const remembered = [];
    for (const raw of data.urls) {
      let url;
      try { url = new URL(raw, SCOPE); } catch { continue; }
      url.hash = '';
      if (!cacheable(url)) continue;
      if (!(await cache.match(url.href, { ignoreVary: true }))) {
        try {
          const response = await fetch(url.href);
          if (!worthKeeping(response)) continue;
          await store(CONTENT, url.href, response);
        } catch {
          continue;
        }
      }
      remembered.push(url.href);
    }
    event.source?.postMessage({ type: 'article-widget:remembered', urls: remembered, version: MANIFEST.version });
  })());
});
