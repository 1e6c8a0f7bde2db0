// Scrolling like a page (issue 22): the canvas is a band taller than the view,
// which the page's compositor scrolls; the widget draws again only when the
// view nears the band's edge. Screenshots taken mid-scroll, at DPR 1 and 2,
// must show every line in view inked (no blank strips) and the same pixels a
// band drawn afresh at that place gives (no tearing, no offset). A phone's
// width makes the article taller than one band.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decodePng } from './png.mjs';
import { animationFrames, frameCount, launchBrowser, openPage, settledFrames, settledScroll, startServer, waitForEvent } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The canvas's band and the widget's box, in viewport CSS px.
function geometry(page) {
  return page.evaluate(() => {
    const w = document.querySelector('article-widget');
    const c = w.shadowRoot.querySelector('canvas');
    const band = c.getBoundingClientRect(), box = w.getBoundingClientRect();
    return { band: band.toJSON(), box: box.toJSON(), rows: c.height, width: c.width, view: innerHeight, scrollY };
  });
}

// The band holds the part of the widget in view.
function assertCovers(g, what) {
  const top = Math.max(0, g.box.top), bottom = Math.min(g.view, g.box.bottom);
  assert.ok(g.band.top <= top + 0.5 && g.band.bottom >= bottom - 0.5,
    `${what}: the band (${g.band.top.toFixed(1)} to ${g.band.bottom.toFixed(1)}) holds the view's part of the widget (${top.toFixed(1)} to ${bottom.toFixed(1)})`);
}

// Lines of the article in view (text-layer spans wide enough to carry ink), viewport CSS px.
function linesInView(page) {
  return page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('.text-layer span')]
    .map((s) => s.getBoundingClientRect().toJSON())
    .filter((r) => r.width > 120 && r.top >= 0 && r.bottom <= innerHeight));
}

function inkShare(png, rect, dpr) {
  const x0 = Math.max(0, Math.round(rect.x * dpr)), x1 = Math.min(png.width, Math.round((rect.x + rect.width) * dpr));
  const y0 = Math.max(0, Math.round(rect.y * dpr)), y1 = Math.min(png.height, Math.round((rect.y + rect.height) * dpr));
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (0.299 * png.data[i] + 0.587 * png.data[i + 1] + 0.114 * png.data[i + 2] < 128) ink++;
    }
  }
  return ink / Math.max(1, (x1 - x0) * (y1 - y0));
}

// Every line in view is drawn where the text layer has it: no blank strip anywhere in the view.
async function assertNoBlankStrips(page, png, dpr, what) {
  const lines = await linesInView(page);
  assert.ok(lines.length >= 10, `${what}: ${lines.length} lines in view`);
  for (const r of lines) {
    const ink = inkShare(png, r, dpr);
    assert.ok(ink > 0.02, `${what}: the line at ${r.y.toFixed(0)} px in the view is drawn (ink ${ink.toFixed(3)})`);
  }
}

// Share of pixels that differ (any channel by more than 24) between two screenshots of one size.
function differing(a, b) {
  assert.equal(a.width, b.width);
  assert.equal(a.height, b.height);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) > 24 || Math.abs(a.data[i + 1] - b.data[i + 1]) > 24 || Math.abs(a.data[i + 2] - b.data[i + 2]) > 24) n++;
  }
  return n / (a.width * a.height);
}

// The page scrolled by wheel steps, at rest.
const PHONE = { width: 400, height: 800 };

async function wheel(page, dy, steps = 4) {
  for (let i = 0; i < steps; i++) await page.mouse.wheel(0, dy / steps);
  return settledScroll(page);
}

for (const dpr of [1, 2]) {
  test(`scrolling inside the band draws no frame, and shows what a band drawn there shows (DPR ${dpr})`, async () => {
    const page = await openPage(browser, server.url, { dpr, ...PHONE });
    await waitForEvent(page, 'ready');
    await settledFrames(page);
    await page.mouse.move(4, 400); // in the margin beside the column: no hover
    // The first picture is the visible slice; the first scroll draws the band around the view.
    await wheel(page, 600);
    await settledFrames(page);
    let g = await geometry(page);
    assert.ok(g.rows > g.view * dpr * 1.5, `the band is taller than the view (${g.rows} device rows for a view of ${g.view * dpr})`);
    assert.ok(g.rows * g.width <= 1 << 23, `the band stays within its pixel budget (${g.rows} x ${g.width})`);
    assert.equal(g.rows, Math.round(g.band.height * dpr), 'the band maps 1:1 to device pixels');
    assertCovers(g, 'after the first scroll');
    const drawn = await frameCount(page);

    // Half the room left below the view before it nears the band's edge (a quarter of a view).
    const room = g.band.bottom - Math.min(g.view, g.box.bottom) - g.view / 4;
    assert.ok(room > 100, `room to scroll inside the band (${room} px)`);
    await wheel(page, Math.round(room / 2));
    await animationFrames(page, 5);
    assert.equal(await frameCount(page), drawn, 'no frame was drawn while the page scrolled inside the band');
    g = await geometry(page);
    assertCovers(g, 'scrolled inside the band');
    const scrolled = decodePng(await page.screenshot());
    await assertNoBlankStrips(page, scrolled, dpr, 'mid-band');

    // A band drawn afresh around this view puts every pixel where the scrolled band had it.
    const bandTop = g.band.top;
    await page.evaluate(() => document.querySelector('article-widget').redraw());
    await settledFrames(page);
    assert.ok(await frameCount(page) > drawn, 'the widget drew its band again');
    g = await geometry(page);
    assert.notEqual(g.band.top.toFixed(1), bandTop.toFixed(1), 'the new band lies elsewhere (the comparison means something)');
    const fresh = decodePng(await page.screenshot());
    const share = differing(scrolled, fresh);
    assert.ok(share < 0.0005, `the scrolled band shows what a fresh one does (${(share * 100).toFixed(3)} % of pixels differ)`);
    assert.deepEqual(page.consoleErrors.filter((e) => !/favicon/.test(e)), []);
    await page.context().close();
  });

  test(`scrolling far down and back up draws the band again around the view, with nothing blank (DPR ${dpr})`, async () => {
    const page = await openPage(browser, server.url, { dpr, ...PHONE });
    await waitForEvent(page, 'ready');
    await settledFrames(page);
    await page.mouse.move(4, 400);
    await wheel(page, 300);
    await settledFrames(page);
    const first = await geometry(page);
    const drawn = await frameCount(page);
    // Far past the band, in steps the page takes one at a time, as a reader flicks through, as
    // long as the article's text fills the view.
    const textEnd = await page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('.text-layer span')].at(-1).getBoundingClientRect().bottom + scrollY);
    let redraws = 0, last = first.band.top + first.scrollY, steps = 0;
    const shots = [];
    while ((await page.evaluate(() => scrollY)) + 500 + PHONE.height < textEnd) {
      steps++;
      await wheel(page, 500, 5);
      await settledFrames(page);
      const g = await geometry(page);
      assertCovers(g, `${g.scrollY} px down`);
      const placed = g.band.top + g.scrollY; // the band's place on the page
      if (Math.abs(placed - last) > 0.5) redraws++;
      last = placed;
      const shot = decodePng(await page.screenshot());
      await assertNoBlankStrips(page, shot, dpr, `${g.scrollY} px down`);
      shots.push([g.scrollY, shot]);
    }
    const frames = (await frameCount(page)) - drawn;
    // And back up: the band follows the view that way too.
    let upRedraws = 0;
    while ((await page.evaluate(() => scrollY)) > 500) {
      await wheel(page, -500, 5);
      await settledFrames(page);
      const g = await geometry(page);
      assertCovers(g, `${g.scrollY} px down, going up`);
      const placed = g.band.top + g.scrollY;
      if (Math.abs(placed - last) > 0.5) upRedraws++;
      last = placed;
      await assertNoBlankStrips(page, decodePng(await page.screenshot()), dpr, `${g.scrollY} px down, going up`);
    }
    assert.ok(upRedraws >= 1, `the band moved up with the view (${upRedraws} times)`);
    // Each of those views, drawn afresh in a band of its own, has the same pixels.
    for (const [y, shot] of shots) {
      await page.evaluate((top) => scrollTo(0, top), y);
      await settledScroll(page);
      await page.evaluate(() => document.querySelector('article-widget').redraw());
      await settledFrames(page);
      const share = differing(shot, decodePng(await page.screenshot()));
      assert.ok(share < 0.0005, `${y} px down: the band shows what a fresh one does (${(share * 100).toFixed(3)} % of pixels differ)`);
    }
    assert.ok(steps >= 3, `scrolled ${steps} times`);
    assert.ok(redraws >= 1, `the band moved as the view neared its edge (${redraws} times in ${steps * 500} px)`);
    assert.ok(frames <= 3 * redraws + 2, `frames only where the band moved (${frames} frames for ${redraws} moves)`);
    await page.context().close();
  });
}

// While the page scrolls, the picture lies over its mirrors (the transparent text layer and
// controls), so the compositor has one layer to move for the widget, and they are not painted
// (opacity 0: taking them into the page's layer cost a frame); they come back on top once the
// scrolling stops, and text of the widget already selected keeps them there.
test('the picture is lifted over its mirrors while the page scrolls, never in the way of a click', async () => {
  const page = await openPage(browser, server.url, PHONE);
  await waitForEvent(page, 'ready');
  await settledFrames(page);
  await page.mouse.move(4, 400);
  // The lift as the page sees it, read in the page at rest and in the frame after a scroll event:
  // of equal z-indexes ('auto' as 0) the later element, a mirror, is on top; faded is both
  // mirrors at opacity 0.
  await page.evaluate(() => {
    window.__lift = () => {
      const root = document.querySelector('article-widget').shadowRoot;
      const [canvas, ...mirrors] = ['canvas', '.text-layer', '.controls'].map((s) => root.querySelector(s));
      const z = (el) => Number.parseInt(getComputedStyle(el).zIndex, 10) || 0;
      return {
        lifted: root.querySelector('.box').classList.contains('scrolling'),
        canvasOnTop: z(canvas) > Math.max(...mirrors.map(z)),
        faded: mirrors.every((el) => getComputedStyle(el).opacity === '0'),
      };
    };
  });
  const state = () => page.evaluate(() => window.__lift());
  assert.deepEqual(await state(), { lifted: false, canvasOnTop: false, faded: false }, 'at rest the mirrors are on top');
  // Seen in the frame after the page's scroll event, when the widget has heard of it too
  // (the runtime's listener may come before or after the page's own).
  const duringScroll = page.evaluate(() => new Promise((resolve) => addEventListener('scroll', () => requestAnimationFrame(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    const canvas = root.querySelector('canvas');
    const hit = canvas.getBoundingClientRect();
    // What a click in the middle of the picture lands on: never the canvas.
    const target = root.elementFromPoint(hit.left + hit.width / 2, Math.max(0, hit.top) + 200);
    resolve({ ...window.__lift(), hitCanvas: target === canvas });
  }), { once: true })));
  await page.mouse.wheel(0, 200);
  assert.deepEqual(await duringScroll, { lifted: true, faded: true, hitCanvas: false, canvasOnTop: true }, 'scrolling: the picture is over its unpainted mirrors, events pass through it');
  await page.waitForFunction(() => !document.querySelector('article-widget').shadowRoot.querySelector('.box').classList.contains('scrolling'));
  assert.deepEqual(await state(), { lifted: false, canvasOnTop: false, faded: false }, 'stopped: the mirrors are back on top');
  // The next scroll is heard at once again (the runtime's tick saw the page still and ended).
  const again = page.evaluate(() => new Promise((resolve) => addEventListener('scroll', () => requestAnimationFrame(() =>
    resolve(document.querySelector('article-widget').shadowRoot.querySelector('.box').classList.contains('scrolling'))), { once: true })));
  await page.mouse.wheel(0, -100);
  assert.equal(await again, true, 'a second scroll lifts the picture again');
  await page.waitForFunction(() => !document.querySelector('article-widget').shadowRoot.querySelector('.box').classList.contains('scrolling'));

  // A reader who selected words of the article sees the selection while scrolling.
  await page.evaluate(() => {
    const span = document.querySelector('article-widget').shadowRoot.querySelector('.text-layer p span');
    const range = document.createRange();
    range.selectNodeContents(span);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  const withSelection = page.evaluate(() => new Promise((resolve) => addEventListener('scroll', () => requestAnimationFrame(() =>
    resolve(document.querySelector('article-widget').shadowRoot.querySelector('.box').classList.contains('scrolling'))), { once: true })));
  await page.mouse.wheel(0, 200);
  assert.equal(await withSelection, false, 'with text selected the mirrors stay on top');
  await page.context().close();
});

// A widget that comes near the view (the runtime's 100 px margin) before it is in view, as the
// next story of an endless page does, draws its first slice then: once it has a band, the band's
// edges say when to draw again. With nothing drawn, nothing would say so and it stayed blank when
// scrolled to (a flaky infinite-scroll test showed it).
test('a widget just below the view draws ahead, and is all drawn when the page jumps to it', async () => {
  const page = await openPage(browser, `${server.url}near-test.html`, {
    ...PHONE,
    before: (p) => p.route('**/near-test.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><title>near</title><style>body { margin: 0 }</style>
        <script type="module" src="widget/article-widget.js"></script>
        <div id="above" style="height: ${PHONE.height + 40}px"></div><article-widget src="articles/stoltenberg-baku.json"></article-widget>`,
    })),
  });
  await waitForEvent(page, 'ready');
  await settledFrames(page);
  let g = await geometry(page);
  assert.ok(g.box.top > g.view, `the widget is below the view (at ${g.box.top} px)`);
  assert.ok(g.band.top <= g.box.top + 0.5 && g.band.height >= g.view, `its first view's worth is drawn ahead (band ${g.band.top} to ${g.band.bottom})`);
  await page.evaluate(() => window.scrollTo(0, document.getElementById('above').offsetHeight));
  await settledFrames(page);
  g = await geometry(page);
  assertCovers(g, 'jumped to');
  await assertNoBlankStrips(page, decodePng(await page.screenshot()), 1, 'jumped to');
  await page.context().close();
});
