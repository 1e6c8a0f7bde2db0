// Pixels settled (issue 20): the time from navigation until the article's
// pixels are on screen for good, for a new reader (a fresh browser profile:
// empty HTTP cache, no service worker) and a returning one (the same profile's
// second visit: service worker installed, HTTP and code caches warm), for the
// widget alone in a page, Dear ImGui's stock Emscripten loop (bench/baseline)
// and a plain HTML page of the same article, side by side in one run.
//
//   node bench/settled.mjs      (bench/run.sh builds everything first and calls this)
//
// The figure is read off the screen, not off the page's own marks: CDP
// Page.startScreencast sends every frame the compositor swaps (PNG, with its
// swap time), and the figure is the swap time of the first frame from which
// every later frame matches the settled picture (the last frame, once nothing
// changes for a while) inside the page's area: the widget's canvas, the
// baseline's canvas, the plain page's <article>, each as far as it is in view.
//
// Environment: BENCH_SETTLED_RUNS (default 7): each run opens each page in a
// fresh profile twice (new, then returning), the pages' order turned round
// every run. Prints medians, the ratios and every load's figure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/browser/browser.mjs';
import { decodePng } from '../tests/browser/png.mjs';
import { makeSite } from './site.mjs';
import { startServer } from './server.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_SETTLED_RUNS || 7));
const VIEWPORT = { width: 1280, height: 900 };
const SHOT = { maxWidth: 640, maxHeight: 450 }; // halved frames: the browser encodes each one while the page loads
const QUIET_MS = 800;   // settled: no frame changed the area for this long after the page said it drew
const TIMEOUT = 20000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error('[settled]', ...a);
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Each page: where it is, when it says it has drawn (only so the bench knows when to
// start waiting for quiet), and the area whose pixels are compared (CSS px, in view).
const inView = `(r) => {
  const x = Math.max(0, r.left), y = Math.max(0, r.top);
  return { x, y, width: Math.min(innerWidth, r.right) - x, height: Math.min(innerHeight, r.bottom) - y };
}`;
const PAGES = {
  widget: {
    path: 'bench-bare.html',
    drawn: () => window.__settled.ready,
    area: `(${inView})(document.querySelector('article-widget').shadowRoot.querySelector('canvas').getBoundingClientRect())`,
  },
  baseline: {
    path: 'bench-baseline/',
    drawn: () => window.__baseline?.firstFrame,
    area: `(${inView})(document.getElementById('canvas').getBoundingClientRect())`,
  },
  plain: {
    path: 'bench-plain.html',
    drawn: () => window.__settled.fcp,
    area: `(${inView})(document.querySelector('article').getBoundingClientRect())`,
  },
};

// Two frames match inside the area when no pixel differs by more than a few
// levels in a channel (the screencast's scaling can shift an edge a little).
function sameInArea(a, b, box) {
  if (a.width !== b.width || a.height !== b.height) return false;
  let off = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = (y * a.width + x) * 4;
      if (Math.abs(a.data[i] - b.data[i]) > 8 || Math.abs(a.data[i + 1] - b.data[i + 1]) > 8 || Math.abs(a.data[i + 2] - b.data[i + 2]) > 8) {
        if (++off > 4) return false;
      }
    }
  }
  return true;
}

// One visit of `url` in `context`, screencast from before navigation: ms from
// navigation start to the first frame of the settled picture, and what the page said.
async function visit(context, url, page, { dropAtlas = false } = {}) {
  const tab = await context.newPage();
  tab.errors = [];
  tab.on('pageerror', (e) => tab.errors.push(e.message));
  const cdp = await context.newCDPSession(tab);
  const frames = [];
  let lastAt = 0;
  cdp.on('Page.screencastFrame', (e) => {
    frames.push({ at: e.metadata.timestamp * 1000, png: Buffer.from(e.data, 'base64') });
    lastAt = Date.now();
    cdp.send('Page.screencastFrameAck', { sessionId: e.sessionId }).catch(() => {});
  });
  await cdp.send('Page.startScreencast', { format: 'png', everyNthFrame: 1, ...SHOT });
  try {
    await tab.goto(url);
    let drawn;
    try {
      drawn = await (await tab.waitForFunction(page.drawn, null, { timeout: TIMEOUT })).jsonValue();
    } catch (e) {
      throw new Error(`${url}: not drawn within ${TIMEOUT / 1000} s (${tab.errors.join('; ') || 'no page errors'})`, { cause: e });
    }
    // The stock loop redraws every animation frame, so frames keep coming: quiet means
    // QUIET_MS without a frame, or, for a page that keeps sending them, QUIET_MS after drawn.
    const t0 = Date.now();
    while (Date.now() - Math.max(lastAt, t0) < QUIET_MS && Date.now() - t0 < 4 * QUIET_MS) await sleep(50);
    await sleep(QUIET_MS);
    const origin = await tab.evaluate(() => performance.timeOrigin);
    const area = await tab.evaluate(page.area);
    const worker = await tab.evaluate(() => !!navigator.serviceWorker?.controller);
    const marks = await tab.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('aw:')).map((m) => [m.name.slice(3), m.startTime])));
    await cdp.send('Page.stopScreencast');
    // The worker's install (precaching the widget's files) belongs to the first visit, not the second.
    await tab.evaluate(() => Promise.race([
      navigator.serviceWorker?.getRegistration().then((r) => r && navigator.serviceWorker.ready),
      new Promise((r) => setTimeout(r, 10000)),
    ]));
    // So is keeping the widget's atlas; the info row without it empties the cache after the visit.
    await tab.evaluate(() => document.querySelector('article-widget')?.runtime?.atlasKept);
    if (dropAtlas) await tab.evaluate(() => caches.delete('article-widget-atlas'));
    const result = { ...settledAt(frames, origin, area), worker, marks, drawn };
    dump(url, frames, origin, result);
    return result;
  } finally {
    await tab.close();
  }
}

// BENCH_SETTLED_DUMP=dir writes each visit's frames there (ms after navigation in the name), to look at.
let dumped = 0;
function dump(url, frames, origin, result) {
  const dir = process.env.BENCH_SETTLED_DUMP;
  if (!dir) return;
  const visit = `${String(++dumped).padStart(2, '0')}-${new URL(url).pathname.replace(/\W+/g, '_')}`;
  mkdirSync(join(dir, visit), { recursive: true });
  for (const f of frames.filter((x) => x.at >= origin)) writeFileSync(join(dir, visit, `${(f.at - origin).toFixed(0).padStart(5, '0')}.png`), f.png);
  writeFileSync(join(dir, visit, 'settled.txt'), `${result.ms.toFixed(0)} ms\n${JSON.stringify(result.marks)}\n`);
}

// The first frame of the run of frames that all match the last one in the area.
function settledAt(frames, origin, area) {
  const shots = frames.filter((f) => f.at >= origin);
  if (!shots.length) return { ms: NaN, frames: 0 };
  const last = decodePng(shots.at(-1).png);
  const scale = last.width / VIEWPORT.width;
  const box = {
    x: Math.floor(area.x * scale), y: Math.floor(area.y * scale),
    width: Math.min(last.width - Math.floor(area.x * scale), Math.ceil(area.width * scale)),
    height: Math.min(last.height - Math.floor(area.y * scale), Math.ceil(area.height * scale)),
  };
  let first = shots.length - 1;
  while (first > 0 && sameInArea(decodePng(shots[first - 1].png), last, box)) first--;
  return { ms: shots[first].at - origin, frames: shots.length };
}

// A new reader, then the same reader again once the first visit's service worker
// is installed and the page has gone quiet.
async function reader(browser, url, page, withoutAtlas, flip) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, extraHTTPHeaders: { 'Accept-Encoding': 'gzip, br' } });
  await context.addInitScript(() => {
    window.__settled = { ready: 0, fcp: 0 };
    addEventListener('ready', () => { window.__settled.ready ||= performance.now(); });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__settled.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  });
  try {
    // The widget is also measured returning with its atlas cache emptied, before or after
    // the visit with it (turned round every run: later visits find warmer code caches).
    const fresh = await visit(context, url, page, { dropAtlas: withoutAtlas && flip });
    let again, bare;
    if (withoutAtlas && flip) bare = await visit(context, url, page);
    again = await visit(context, url, page, { dropAtlas: withoutAtlas && !flip });
    if (withoutAtlas && !flip) bare = await visit(context, url, page);
    return { fresh, again, bare };
  } finally {
    await context.close();
  }
}

async function main() {
  const t0 = Date.now();
  const site = join(repo, 'build/bench/site');
  makeSite({ dist: join(repo, 'dist'), baselineDir: join(repo, 'build/bench/baseline'), out: site });
  const server = await startServer(site);
  const browser = await launchBrowser();
  const R = Object.fromEntries(Object.keys(PAGES).map((k) => [k, { fresh: [], again: [], worker: [] }]));
  const loads = [];
  try {
    log(`server ${server.url}, ${RUNS} runs of each page, new and returning reader`);
    for (let run = 0; run < RUNS; run++) {
      const order = Object.entries(PAGES);
      if (run % 2) order.reverse();
      for (const [name, page] of order) {
        const { fresh, again, bare } = await reader(browser, server.url + page.path, page, name === 'widget', run % 2 === 1);
        R[name].fresh.push(fresh.ms);
        R[name].again.push(again.ms);
        R[name].worker.push(again.worker);
        const own = (v) => v.marks['first-frame'] ?? v.drawn; // the widget's first picture, not its later ready
        R[name].lag = [...(R[name].lag ?? []), fresh.ms - own(fresh), again.ms - own(again)];
        (R[name].marks ??= { fresh: [], again: [] }).fresh.push(fresh.marks);
        R[name].marks.again.push(again.marks);
        if (bare) (R[name].noAtlas ??= []).push(bare.ms);
      }
      loads.push(loadavg()[0]);
      log(`run ${run + 1}: ` + Object.keys(PAGES).map((k) => `${k} ${R[k].fresh.at(-1).toFixed(0)} / ${R[k].again.at(-1).toFixed(0)} ms`).join(', '));
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  report(R, loads, Math.round((Date.now() - t0) / 1000));
}

function report(R, loads, seconds) {
  const ms = (x) => `${x.toFixed(0)} ms`;
  const x2 = (x) => `${x.toFixed(2)}x`;
  const rows = [];
  for (const [key, label] of [['fresh', 'new reader'], ['again', 'returning reader']]) {
    const w = median(R.widget[key]), b = median(R.baseline[key]), p = median(R.plain[key]);
    rows.push([label, ms(w), ms(b), x2(w / b), ms(p), x2(w / p), '<= 1.0x stock loop', w / b <= 1.0 ? 'PASS' : 'FAIL']);
  }
  const n = median(R.widget.noAtlas), b = median(R.baseline.again), p = median(R.plain.again);
  rows.push(['returning, atlas cache emptied', ms(n), ms(b), x2(n / b), ms(p), x2(n / p), '(info)', '']);
  const head = ['pixels settled', 'widget', 'stock Dear ImGui loop', 'ratio', 'plain HTML', 'ratio', 'target', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log('');
  console.log(line(head));
  console.log(widths.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('');
  const list = (xs) => xs.map((x) => x.toFixed(0)).join(' / ');
  for (const k of Object.keys(R)) {
    console.log(`${k}: new ${list(R[k].fresh)} ms; returning ${list(R[k].again)} ms` +
      (R[k].noAtlas ? `; returning, atlas cache emptied ${list(R[k].noAtlas)} ms` : ''));
  }
  for (const key of ['fresh', 'again']) {
    const all = R.widget.marks[key];
    const names = [...new Set(all.flatMap((m) => Object.keys(m)))].sort((a, b) => median(all.map((m) => m[a])) - median(all.map((m) => m[b])));
    console.log(`widget ${key === 'fresh' ? 'new' : 'returning'} reader, its marks (medians): ` +
      names.map((n) => `${n} ${median(all.map((m) => m[n])).toFixed(0)} ms`).join(', '));
  }
  console.log('from the page\'s own "drawn" (the widget\'s aw:first-frame mark, the stock loop\'s first iteration, the plain page\'s FCP) to settled on screen, median of all visits: ' +
    Object.keys(R).map((k) => `${k} ${median(R[k].lag).toFixed(0)} ms`).join(', '));
  const controlled = R.widget.worker.filter(Boolean).length;
  console.log(`the widget's returning visits answered by its service worker: ${controlled} of ${R.widget.worker.length}`);
  console.log(`machine: ${cpus().length} cores, load average ${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)} over the runs; took ${seconds} s`);
}

main().catch((e) => { console.error(`[settled] failed: ${e.message}`); process.exitCode = 1; });
