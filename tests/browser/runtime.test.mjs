// One runtime for the whole page: many widgets, infinite scroll, moves and
// removals in the DOM, a lost GPU context, two widgets side by side.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { jumpTo } from './jump.mjs';
import { decodePng, inkRatio } from './png.mjs';
import { launchBrowser, nextFrames, openPage, settledFrames, settledScroll, startServer, waitForEvent } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const ARTICLES = ['stoltenberg-baku', 'baku-book-fair', 'caspian-ferry-sailings', 'guba-orchards-spring'];

// Counts, from before the page's own scripts run: WebGL contexts made (on any
// canvas), and the listeners alive on every target still in use (added,
// minus removed or aborted through their signal).
function instrument(page) {
  return page.addInitScript(() => {
    window.__contexts = new Set();
    for (const Canvas of [HTMLCanvasElement, OffscreenCanvas]) {
      const getContext = Canvas.prototype.getContext;
      Canvas.prototype.getContext = function (type, ...rest) {
        const ctx = getContext.call(this, type, ...rest);
        if (ctx && /webgl/.test(type)) window.__contexts.add(ctx);
        return ctx;
      };
    }
    const live = new Map(); // target -> Set of "type listener" keys
    // Listeners on nodes out of the document die with them: only the others can leak.
    window.__listeners = () => [...live].reduce((n, [target, keys]) => (target instanceof Node && !target.isConnected ? n : n + keys.size), 0);
    const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
    const keys = new WeakMap();
    const key = (type, fn, options) => {
      if (!keys.has(fn)) keys.set(fn, Math.random());
      return `${type} ${keys.get(fn)} ${typeof options === 'boolean' ? options : !!options?.capture}`;
    };
    EventTarget.prototype.addEventListener = function (type, fn, options) {
      if (fn && !(options?.signal?.aborted)) {
        if (!live.has(this)) live.set(this, new Set());
        const k = key(type, fn, options);
        live.get(this).add(k);
        if (options?.signal) add.call(options.signal, 'abort', () => live.get(this)?.delete(k), { once: true });
        if (options?.once) add.call(this, type, () => live.get(this)?.delete(k), { once: true });
      }
      return add.call(this, type, fn, options);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, options) {
      live.get(this)?.delete(key(type, fn, options));
      return remove.call(this, type, fn, options);
    };
  });
}

// A test page on the project's server: the widget's script and the given body.
function pageWith(body) {
  return async (page) => {
    await instrument(page);
    await page.route('**/runtime-test.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><title>runtime test</title>
        <style>body { margin: 0; font: 16px sans-serif; } article-widget { display: block; margin: 0 auto 40px; max-width: 900px; }</style>
        <script type="module" src="widget/article-widget.js"></script>${body}`,
    }));
  };
}

const open = (body, options = {}) => openPage(browser, server.url + 'runtime-test.html', { ...options, before: pageWith(body) });

// Share of inked pixels over the first line of widget i's headline, as it is on screen now.
async function headlineInk(page, i) {
  const rect = await page.evaluate((n) => {
    const span = document.querySelectorAll('article-widget')[n].shadowRoot.querySelector('.text-layer h1 span');
    const r = span.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, scrollY: window.scrollY, top: span.getRootNode().host.getBoundingClientRect().top };
  }, i);
  if (!(rect.width > 0 && rect.height > 0 && rect.y >= 0)) throw new Error(`widget ${i}'s headline is not on screen: ${JSON.stringify(rect)}`);
  const { x, y, width, height } = rect;
  return inkRatio(decodePng(await page.screenshot({ clip: { x, y, width, height } })));
}

// Brings widget i's headline into view (again, should the page move it while
// widgets below are laid out) and waits until the frames asked for are drawn.
async function showWidget(page, i) {
  await page.waitForFunction((n) => {
    const w = document.querySelectorAll('article-widget')[n];
    const span = w.shadowRoot?.querySelector('.text-layer h1 span'); // none before the element is defined
    const r = span?.getBoundingClientRect();
    if (w.ready && r && r.top >= 0 && r.bottom <= innerHeight) return true;
    w.scrollIntoView({ block: 'start' });
    return false;
  }, i, { polling: 'raf' });
  await nextFrames(page);
  await nextFrames(page);
}

test('an infinite-scroll page of 40 widgets: each draws when scrolled to, on one WebGL context', async () => {
  // Like a news site's endless article list: a new widget is appended whenever the last one nears the viewport.
  const page = await open(`<main id="feed"></main><div id="end" style="height: 1px"></div>
    <script type="module">
      const articles = ${JSON.stringify(ARTICLES)};
      let n = 0;
      const add = () => {
        const w = document.createElement('article-widget');
        w.setAttribute('src', 'articles/' + articles[n % articles.length] + '.json');
        w.id = 'w' + n; // a page's own ids on the elements do not disturb them
        document.getElementById('feed').append(w);
        n++;
      };
      add();
      new IntersectionObserver((entries) => { if (entries[0].isIntersecting && n < 40) add(); }, { rootMargin: '600px' })
        .observe(document.getElementById('end'));
      window.__added = () => n;
    </script>`);
  const warnings = [];
  page.on('console', (m) => { if (/WebGL|context/i.test(m.text())) warnings.push(m.text()); });
  for (let i = 0; i < 40; i++) {
    await page.waitForFunction((n) => window.__added() > n, i);
    await showWidget(page, i);
    const ink = await headlineInk(page, i);
    // On a failure, what the widget had: its band, whether the runtime counts it near, its frames.
    assert.ok(ink > 0.06, `widget ${i} is drawn when scrolled to (ink ${ink}): ${await page.evaluate((n) => {
      const w = document.querySelectorAll('article-widget')[n];
      return JSON.stringify({ ready: w.ready, frames: w.frameCount, view: w.view, near: w.runtime.isNear(w), top: w.getBoundingClientRect().top });
    }, i)}`);
    const shown = await page.evaluate((n) => document.querySelectorAll('article-widget')[n].shadowRoot.querySelector('h1').textContent, i);
    assert.ok(shown.length > 20, `widget ${i} has its headline in the text layer`);
    // Read on to its end: the next widget is appended as the page's end comes near.
    if (i < 39) await page.evaluate((n) => document.querySelectorAll('article-widget')[n].scrollIntoView({ block: 'end' }), i);
  }
  assert.equal(await page.evaluate(() => document.querySelectorAll('article-widget').length), 40);
  // Back to the first ones: still drawn, never a lost context.
  for (const i of [0, 1, 20]) {
    await showWidget(page, i);
    assert.ok(await headlineInk(page, i) > 0.06, `widget ${i} is drawn again when scrolled back to`);
  }
  const counts = await page.evaluate(() => ({
    contexts: window.__contexts.size,
    states: document.querySelector('article-widget').runtime.module._aw_widget_count(),
    runtimes: new Set([...document.querySelectorAll('article-widget')].map((w) => w.runtime)).size,
  }));
  assert.deepEqual(counts, { contexts: 1, states: 40, runtimes: 1 });
  assert.deepEqual(warnings, [], 'no warnings about WebGL contexts');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a widget the page jumps to is drawn in the first frame that shows it', async () => {
  // An anchor link or scrollIntoView takes the view straight to a widget far down the page: the
  // runtime's observer tells it is near only after that frame, so without the scroll step's own
  // look the first frame would show an empty box.
  const page = await open(`<article-widget src="articles/${ARTICLES[0]}.json"></article-widget>
    <div style="height: 6000px"></div><article-widget id="far" src="articles/${ARTICLES[1]}.json"></article-widget>`);
  await page.waitForFunction(() => [...document.querySelectorAll('article-widget')].every((w) => w.ready));
  await nextFrames(page);
  const seen = await jumpTo(page, 1);
  assert.equal(seen.near, false, 'the far widget is not near the view before the jump');
  assert.equal(seen.frames, 1, `drawn in the first animation frame after the jump: ${JSON.stringify(seen)}`);
  assert.equal(seen.drawnAt, seen.stamps[0], 'in that frame itself, not in a task after it');
  assert.ok(await headlineInk(page, 1) > 0.06, 'its headline is on screen');
  await page.context().close();
});

test('a widget the page jumps to while it is still scrolling is drawn in the first frame that shows it', async () => {
  // Mid-scroll the runtime tells the widgets once a tick, not once a step: a jump (End pressed
  // during a wheel scroll) must still be heard in its own frame's scroll step.
  const page = await open(`<article-widget src="articles/${ARTICLES[0]}.json"></article-widget>
    <div style="height: 6000px"></div><article-widget id="far" src="articles/${ARTICLES[1]}.json"></article-widget>`);
  await page.waitForFunction(() => [...document.querySelectorAll('article-widget')].every((w) => w.ready));
  await nextFrames(page);
  const seen = await jumpTo(page, 1, { midScroll: true });
  assert.equal(seen.near, false, 'the far widget is not near the view before the jump');
  assert.equal(seen.frames, 1, `drawn in the first animation frame after the jump: ${JSON.stringify(seen)}`);
  assert.ok(await headlineInk(page, 1) > 0.06, 'its headline is on screen');
  await page.context().close();
});

test('moving a widget in the DOM 25 times neither fetches, lays out nor adds listeners; 200 add/remove cycles leave heap and listeners flat', async () => {
  const page = await open('<div id="a"><article-widget src="articles/baku-book-fair.json"></article-widget></div><div id="b"></div>');
  await waitForEvent(page, 'ready');
  await settledFrames(page); // the form's Cyrillic face, fetched once the page is idle, is in
  const state = () => page.evaluate(() => {
    const w = document.querySelector('article-widget');
    return { listeners: window.__listeners(), layouts: w.layoutCount, fetches: performance.getEntriesByType('resource').length };
  });
  const move = async (times) => {
    for (let i = 0; i < times; i++) {
      await page.evaluate((n) => document.getElementById(n % 2 ? 'a' : 'b').append(document.querySelector('article-widget')), i);
      await nextFrames(page);
    }
  };
  const before = await state();
  await move(25);
  const moved = await state(); // the page's own one-time listeners (the service worker's, say) may come or go meanwhile
  await move(25);
  const movedAgain = await state();
  assert.deepEqual({ layouts: moved.layouts, fetches: moved.fetches }, { layouts: before.layouts, fetches: before.fetches },
    'a moved widget fetches and lays out nothing');
  assert.deepEqual(movedAgain, moved, 'and moving it 25 times more adds no listener');
  assert.ok(await headlineInk(page, 0) > 0.06, 'and is drawn where it now stands');

  // Widgets come and go, ten at a time: each one is drawn, then removed.
  const round = () => page.evaluate(async () => {
    const made = [], drawn = [];
    for (let i = 0; i < 10; i++) {
      const w = document.createElement('article-widget');
      w.setAttribute('src', 'articles/guba-orchards-spring.json');
      document.body.append(w);
      made.push(w);
      drawn.push(new Promise((r) => w.addEventListener('ready', r, { once: true })));
    }
    await Promise.all(drawn);
    for (const w of made) w.remove();
    await new Promise((r) => requestAnimationFrame(r));
    const w = document.querySelector('article-widget');
    return { heap: w.runtime.module.HEAPU8.length, states: w.runtime.module._aw_widget_count(), listeners: window.__listeners() };
  });
  const first = [];
  for (let i = 0; i < 2; i++) first.push(await round());
  let last;
  for (let i = 2; i < 20; i++) last = await round();
  assert.equal(last.states, 1, 'removed widgets release their state');
  assert.equal(last.listeners, first[1].listeners, `no listener outlives its widget (${first.map((r) => r.listeners)} then ${last.listeners})`);
  assert.equal(last.heap, first[1].heap, `the heap stays flat over 200 cycles (${first.map((r) => r.heap)} then ${last.heap})`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a WebGL context lost, even in the middle of a frame, is restored and the same picture drawn again', async () => {
  const page = await open('<article-widget src="articles/stoltenberg-baku.json"></article-widget>');
  await waitForEvent(page, 'ready');
  await nextFrames(page);
  const clip = await page.evaluate(() => {
    const r = document.querySelector('article-widget').shadowRoot.querySelector('.text-layer h1').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const pictureBefore = decodePng(await page.screenshot({ clip }));
  await page.evaluate(() => new Promise((resolve) => {
    const widget = document.querySelector('article-widget');
    const { runtime } = widget;
    window.__lose = runtime.surface.getContext('webgl2').getExtension('WEBGL_lose_context');
    runtime.events.addEventListener('contextlost', resolve, { once: true });
    window.__lose.loseContext();
    // A GPU reset comes at any moment: here a frame already due draws before the browser's
    // contextlost event arrives (it used to stop the widget for good).
    widget.redraw();
    widget.drawNow();
  }));
  const frames = await page.evaluate(() => document.querySelector('article-widget').frameCount);
  await page.evaluate(() => window.__lose.restoreContext());
  await page.waitForFunction((f) => document.querySelector('article-widget').frameCount > f, frames);
  await nextFrames(page);
  const pictureAfter = decodePng(await page.screenshot({ clip }));
  assert.ok(inkRatio(pictureAfter) > 0.06, 'the headline is drawn after the restore');
  let differing = 0;
  for (let i = 0; i < pictureBefore.data.length; i++) if (Math.abs(pictureBefore.data[i] - pictureAfter.data[i]) > 8) differing++;
  assert.ok(differing / pictureBefore.data.length < 0.001, `the same picture as before the loss (${differing} channel values differ)`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('two widgets show the same article, each drawn and laid out on its own', async () => {
  const page = await open(`<article-widget src="articles/caspian-ferry-sailings.json" style="max-width: 900px"></article-widget>
    <article-widget src="articles/caspian-ferry-sailings.json" style="max-width: 420px"></article-widget>`);
  await page.waitForFunction(() => [...document.querySelectorAll('article-widget')].every((w) => w.ready));
  for (const i of [0, 1]) {
    await showWidget(page, i);
    assert.ok(await headlineInk(page, i) > 0.06, `widget ${i} is drawn`);
  }
  const lines = await page.evaluate(() => [...document.querySelectorAll('article-widget')]
    .map((w) => w.shadowRoot.querySelectorAll('.text-layer p.paragraph span').length));
  assert.ok(lines[1] > lines[0], `the narrow one breaks its own, more lines (${lines})`);
  await page.context().close();
});

test('one widget opens another article from its News Line while a second widget scrolls past', async () => {
  const page = await open(`<article-widget id="one" src="articles/stoltenberg-baku.json" feed="news-line.json"></article-widget>
    <article-widget id="two" src="articles/baku-book-fair.json"></article-widget>`);
  await page.waitForFunction(() => [...document.querySelectorAll('article-widget')].every((w) => w.ready));
  const one = page.locator('#one');
  const link = one.getByRole('link', { name: /Caspian ferries add sailings/ });
  await link.scrollIntoViewIfNeeded();
  const opened = page.evaluate(() => new Promise((r) => document.getElementById('one').addEventListener('article-opened', (e) => r(e.detail), { once: true })));
  await link.click();
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 120); // the page, and the second widget with it, scroll on
  const detail = await opened;
  await settledScroll(page);
  assert.match(detail.url, /caspian-ferry-sailings\.json$/);
  await page.waitForFunction(() => document.getElementById('one').shadowRoot.querySelector('h1')?.textContent.includes('Caspian ferries'));
  assert.match(await page.evaluate(() => document.getElementById('two').shadowRoot.querySelector('h1').textContent), /Baku book fair/);
  await showWidget(page, 1);
  assert.ok(await headlineInk(page, 1) > 0.06, 'the second widget is drawn with its own article');
  await showWidget(page, 0);
  assert.ok(await headlineInk(page, 0) > 0.06, 'the first shows the article it opened');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
