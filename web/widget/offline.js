// Offline support: registers the site's service worker (sw.js, one folder up
// from the widget's files), so after one visit the widget, the page and the
// articles and feed already seen load without a network. Imported for its
// effect by article-widget.js.
//
// It stays out of the way: nothing happens for a widget loaded from another
// origin, for a page outside the worker's folder, on file://, when the page is
// already controlled by a worker of its own, or with
// <meta name="article-widget-offline" content="off"> in the page.

const MESSAGE = 'article-widget:remember';

function swLocation() {
  try {
    return new URL('../sw.js', import.meta.url); // throws for a data: URL (the single-file variant)
  } catch {
    return null;
  }
}

function eligible(sw) {
  if (!sw || !('serviceWorker' in navigator) || !/^https?:$/.test(sw.protocol) || !window.isSecureContext) return false;
  if (sw.origin !== location.origin) return false;
  if (!location.href.startsWith(new URL('./', sw).href)) return false;
  const optOut = document.querySelector('meta[name="article-widget-offline"]');
  return !(optOut && /^(off|no|false)$/i.test(optOut.content));
}

const ours = (sw, worker) => !!worker && worker.scriptURL === sw.href;

async function register(sw) {
  const container = navigator.serviceWorker;
  const scope = new URL('./', sw).href;
  if (container.controller && !ours(sw, container.controller)) return; // the page has its own worker
  const existing = await container.getRegistration(scope);
  if (existing && existing.scope === scope && ![existing.active, existing.waiting, existing.installing].some((w) => ours(sw, w))) return;
  const registration = await container.register(sw.href, { scope });
  if (container.controller) return; // every request already passes through the worker
  const active = await activeWorker(registration);
  if (active) rememberWhatThePageLoads(active);
}

function activeWorker(registration) {
  if (registration.active) return Promise.resolve(registration.active);
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve(worker);
      if (worker.state === 'redundant') resolve(null);
    });
  });
}

// The first visit happened before the worker was in control: tell it what the
// page loaded (itself, its styles, the articles and the feed) so it can keep a copy.
function rememberWhatThePageLoads(worker) {
  const sameSite = (name) => { try { return new URL(name).origin === location.origin; } catch { return false; } };
  const send = (urls) => {
    const list = urls.filter(sameSite);
    if (list.length) worker.postMessage({ type: MESSAGE, urls: list });
  };
  send([location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
  // Articles opened later on this page, until the worker controls it (next visit).
  if (typeof PerformanceObserver === 'function') {
    const observer = new PerformanceObserver((list) => send(list.getEntries().map((e) => e.name)));
    observer.observe({ type: 'resource' });
    navigator.serviceWorker.addEventListener('controllerchange', () => observer.disconnect(), { once: true });
  }
}

function start() {
  const sw = swLocation();
  if (!eligible(sw)) return;
  // Once the page has loaded and a widget has shown something (or after a few
  // seconds): the worker's downloads never compete with the widget's own.
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    register(sw).catch((e) => console.warn('[article-widget] offline support is off:', e.message));
  };
  const afterLoad = () => {
    window.addEventListener('ready', go, { once: true });
    window.addEventListener('error', (e) => { if (e instanceof CustomEvent) go(); });
    setTimeout(go, 4000);
    if ([...document.querySelectorAll('article-widget')].some((w) => w.ready)) go();
  };
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}

start();
