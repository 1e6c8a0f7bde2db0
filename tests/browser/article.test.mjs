// The article as a reader gets it: loaded, drawn crisp at DPR 1 and 2,
// reachable as text, scrolled by the page, and a clear message when broken.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodePng, inkCentreRow, inkRatio } from './png.mjs';
import { animationFrames, frameCount, inkIn, launchBrowser, layerRect, nextFrames, openPage, settledFrames, settledScroll, startServer, waitForEvent } from './harness.mjs';

const HEADLINE = 'For what purpose did NATO Secretary General Jens Stoltenberg arrive in Baku?';
let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

for (const dpr of [1, 2]) {
  test(`the default article is drawn and readable at DPR ${dpr}`, async () => {
    const page = await openPage(browser, server.url, { dpr });
    const ready = await waitForEvent(page, 'ready');
    assert.equal(ready.src, 'articles/stoltenberg-baku.json');

    // The text layer carries the whole article: headline, meta line and all seven paragraphs.
    const text = await page.evaluate(() => {
      const layer = document.querySelector('article-widget').shadowRoot.querySelector('.text-layer');
      return { h1: layer.querySelector('h1').textContent, paragraphs: [...layer.querySelectorAll('p.paragraph')].map((p) => p.textContent), meta: layer.querySelector('p.meta').textContent };
    });
    assert.equal(text.h1.trim().replace(/\s+/g, ' '), HEADLINE);
    assert.equal(text.paragraphs.length, 7);
    assert.match(text.paragraphs[0], /^As an important step/);
    assert.match(text.meta, /Difficult question · 17 March 2024/);

    // Pixels: the headline's first line is inked where the text layer says it is; the margin beside it is blank.
    const line = await layerRect(page, 'h1 span');
    assert.ok(line && line.width > 200, 'headline line has a box');
    const ink = await inkIn(page, { x: line.x, y: line.y, width: line.width, height: line.height });
    assert.ok(ink > 0.08, `headline region is drawn (ink ${ink.toFixed(3)})`);
    const margin = await inkIn(page, { x: 4, y: line.y, width: Math.max(8, line.x - 24), height: line.height });
    assert.ok(margin < 0.001, `margin left of the column stays empty (ink ${margin.toFixed(4)})`);

    // The canvas backing store follows the device pixel ratio, so glyphs map 1:1 to device pixels.
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('article-widget').shadowRoot.querySelector('canvas');
      return { w: c.width, h: c.height, cssW: c.getBoundingClientRect().width, cssH: c.getBoundingClientRect().height };
    });
    assert.equal(canvas.w, Math.round(canvas.cssW * dpr));
    assert.equal(canvas.h, Math.round(canvas.cssH * dpr));
    assert.ok(canvas.cssH <= 900, 'the first picture is the visible slice: no taller than the viewport');
    assert.deepEqual(page.consoleErrors.filter((e) => !/favicon/.test(e)), []);
    await page.context().close();
  });
}

test('the page scrolls the widget: it is as tall as its content and the canvas follows the visible slice', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const sizes = await page.evaluate(() => {
    const w = document.querySelector('article-widget');
    // Everything the widget shows has a mirror in its text or control layer; the lowest one ends the content.
    const parts = w.shadowRoot.querySelectorAll('.text-layer span, .controls :is(h2, p, a, button, input, textarea, article):not(.honeypot):not(.sr-only)');
    const bottom = Math.max(...[...parts].map((e) => e.getBoundingClientRect().bottom));
    return { box: w.getBoundingClientRect().height, lastLine: bottom - w.getBoundingClientRect().top, inner: w.scrollHeight - w.clientHeight, doc: document.documentElement.scrollHeight };
  });
  assert.ok(sizes.box >= sizes.lastLine && sizes.box < sizes.lastLine + 120, `widget is as tall as its content (${sizes.box} for text ending at ${sizes.lastLine})`);
  assert.equal(sizes.inner, 0, 'no inner scrollbar');
  assert.ok(sizes.doc > 900 && sizes.doc >= sizes.box, 'the page itself scrolls');

  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, 1500);
  await page.waitForFunction(() => window.scrollY > 1000);
  await settledFrames(page);
  // The last paragraph's lines are now drawn where the text layer puts them.
  const last = await page.evaluate(() => {
    const spans = [...document.querySelector('article-widget').shadowRoot.querySelectorAll('p.paragraph span')];
    const visible = spans.find((s) => { const r = s.getBoundingClientRect(); return r.top > 100 && r.bottom < 800 && r.width > 300; });
    const r = visible.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const ink = await inkIn(page, last);
  assert.ok(ink > 0.04, `scrolled-to text is drawn (ink ${ink.toFixed(3)})`);
  await page.context().close();
});

test('on a 320 px phone nothing the widget draws runs past its column', async () => {
  const page = await openPage(browser, server.url, { width: 320, height: 640, dpr: 2 });
  await waitForEvent(page, 'ready');
  const field = await page.locator('article-widget').locator('input[name=name]').boundingBox(); // spans the column
  const x = Math.ceil(field.x + field.width) + 2;
  const host = await page.evaluate(() => {
    const r = document.querySelector('article-widget').getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
  let screens = 0;
  for (let top = host.top; top < host.bottom; top += 600, screens++) {
    await page.evaluate((y) => window.scrollTo(0, y), top);
    await nextFrames(page);
    const scrollY = await page.evaluate(() => window.scrollY);
    const y0 = Math.max(0, host.top - scrollY), y1 = Math.min(640, host.bottom - scrollY);
    if (y1 - y0 < 4) continue;
    const ink = await inkIn(page, { x, y: y0, width: 320 - x, height: y1 - y0 });
    assert.equal(ink, 0, `something is drawn right of the column ${Math.round(scrollY + y0)}-${Math.round(scrollY + y1)} px down the page`);
  }
  assert.ok(screens >= 6, `the whole widget was looked at (${screens} screens)`);
  await page.context().close();
});

test('keyboard scrolling works when the widget has focus', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  await page.keyboard.press('Tab'); // a keyboard user: focus then shows its ring
  await page.focus('article-widget');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'ARTICLE-WIDGET');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', 'a focus ring shows where the keys go');
  // Each key's smooth scroll may start some frames later on a busy machine: wait for where it leads.
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => scrollY > 300);
  assert.ok(await settledScroll(page) > 300, 'PageDown scrolls');
  await page.keyboard.press('End');
  await page.waitForFunction(() => scrollY >= document.documentElement.scrollHeight - innerHeight - 1);
  assert.equal(await settledScroll(page), await page.evaluate(() => document.documentElement.scrollHeight - innerHeight), 'End reaches the bottom');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => scrollY === 0);
  assert.equal(await settledScroll(page), 0, 'Home returns to the top');
  await page.context().close();
});

test('no frames are drawn while nothing happens', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const start = await settledFrames(page);
  await animationFrames(page, 120); // two seconds at 60 Hz
  assert.equal(await frameCount(page), start, 'idle widget drew frames');
  await page.mouse.wheel(0, 400); // and it does draw when the page scrolls
  await page.waitForFunction((n) => document.querySelector('article-widget').frameCount > n, start);
  await page.context().close();
});

test('copying a passage gives it as written: no line breaks inside paragraphs, a blank line between them', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const paragraphs = await page.evaluate(async () => (await (await fetch('articles/stoltenberg-baku.json')).json()).articleBody.split(/\n\n/));
  // The first paragraph has a line that ends in "three-" at this width: no space may follow it.
  const lines = await page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('p.paragraph')]
    .slice(0, 2).map((p) => { const r = p.querySelector('span').getBoundingClientRect(); return { x: r.x, y: r.y + r.height / 2 }; }));
  assert.ok(paragraphs[0].includes('three-day'));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // Drag from the first letter of the first paragraph into the second paragraph's first line.
  await page.mouse.move(lines[0].x + 1, lines[0].y);
  await page.mouse.down();
  await page.mouse.move(lines[1].x + 120, lines[1].y, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const [first, rest] = copied.split('\n\n');
  assert.equal(first, paragraphs[0], 'the first paragraph as written');
  assert.ok(rest.length > 5 && paragraphs[1].startsWith(rest), `then the start of the second: ${JSON.stringify(rest)}`);
  await page.context().close();
});

test('each line of the text layer lies on its drawn line, after lines that end in a hyphen too', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const spans = await page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('p.paragraph')]
    .slice(0, 2).flatMap((p) => [...p.querySelectorAll('span')]).map((s) => { const r = s.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height, text: s.textContent }; }));
  assert.ok(spans.some((s) => s.text.endsWith('-')), 'a line ends in a hyphen at this width');
  const centres = [];
  for (const { text, ...rect } of spans) centres.push(inkCentreRow(decodePng(await page.screenshot({ clip: rect }))));
  const spread = Math.max(...centres) - Math.min(...centres);
  assert.ok(spread <= 3, `the ink sits at the same height in every line box (centres ${centres.map((c) => c.toFixed(1)).join(', ')})`);
  await page.context().close();
});

test('a host page\'s inherited text styles do not move the transparent text off the drawn glyphs', async () => {
  // A publisher's typography: indented, spaced, upper-cased paragraphs with tall lines.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <style>body { margin: 0; font: 20px/3 serif; text-indent: 3em; word-spacing: 6px; letter-spacing: 1px; text-transform: uppercase; text-align: justify; }</style>
    <script type="module" src="widget/article-widget.js"></script></head>
    <body><article-widget src="articles/stoltenberg-baku.json"></article-widget></body></html>`;
  const page = await openPage(browser, `${server.url}styled-host.html`, {
    before: (p) => p.route('**/styled-host.html', (route) => route.fulfill({ contentType: 'text/html', body: html })),
  });
  await waitForEvent(page, 'ready');
  await nextFrames(page);
  // Where the browser puts each line's own text (not its box, which an indent would only widen).
  const lines = await page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('p.paragraph span')]
    .slice(0, 4).map((s) => {
      const range = document.createRange();
      range.selectNodeContents(s);
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x, y, width, height };
    }));
  const darkPixels = async (clip) => { const png = decodePng(await page.screenshot({ clip })); return inkRatio(png) * png.width * png.height; };
  for (const line of lines) {
    // The drawn line's ink lies under the text, not beside it.
    const under = await darkPixels(line);
    const around = await darkPixels({ ...line, x: line.x - 60, width: line.width + 120 });
    assert.ok(under > 0 && under >= 0.97 * around, `ink under the line's text: ${under} of ${around} pixels (${JSON.stringify(line)})`);
  }
  // What the page means for its content still holds: a hidden panel hides the widget too.
  await page.evaluate(() => { document.body.style.visibility = 'hidden'; });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('article-widget')).visibility), 'hidden');
  await page.context().close();
});

test('select all takes the drawn text and none of the controls\' hidden names', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  await page.locator('article-widget').locator('a[data-open-in-widget="true"]').first().waitFor();
  // A click beside the article, select all and copy, as a reader does: the copy is what the
  // page serializes across the shadow boundary (String(getSelection()) stops at it).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.mouse.click(1200, 850);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const selected = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(selected, /Stoltenberg went on a three-/);
  // Headings and the News Line have copies lying on their drawn lines; those are selected.
  for (const aligned of ['Leave a review', 'Mountain roads in the north reopen', 'you are reading this'])
    assert.ok(selected.includes(aligned), `"${aligned}" is selected`);
  // Buttons, notes and the form's sr-only intro only name their drawn text: never selected.
  for (const hidden of ['Send review', 'Show more headlines', 'No reviews yet', 'Your name and rating are shown'])
    assert.ok(!selected.includes(hidden), `"${hidden}" is not selected`);
  await page.context().close();
});

// The text layer lies over the controls (so a pointer over the article meets its text first,
// issue 22); it must never be in the way of a control, at any width.
for (const width of [1280, 390]) {
  test(`at ${width} px every control takes the pointer where it is drawn, and over the article the text does`, async () => {
    const page = await openPage(browser, server.url, { width });
    await waitForEvent(page, 'ready');
    const misses = await page.evaluate(async () => {
      const root = document.querySelector('article-widget').shadowRoot;
      const controls = [...root.querySelectorAll('.controls :is(input, textarea, button, a), .text-layer a')].filter((c) => !c.classList.contains('honeypot'));
      const found = [];
      for (const c of controls) {
        c.scrollIntoView({ block: 'center' });
        const r = c.getBoundingClientRect();
        const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (hit !== c && !c.contains(hit)) found.push(`${c.dataset.field ?? c.name ?? c.localName} ${c.textContent.slice(0, 30)}: ${hit?.localName}.${hit?.className}`);
      }
      const line = root.querySelector('.text-layer p.paragraph span');
      line.scrollIntoView({ block: 'center' });
      const r = line.getBoundingClientRect();
      if (!root.elementFromPoint(r.left + 10, r.top + r.height / 2)?.closest('.text-layer')) found.push('a line of the article is not the text layer\'s');
      return { count: controls.length, found };
    });
    assert.ok(misses.count >= 20, `${misses.count} controls`);
    assert.deepEqual(misses.found, []);
    await page.context().close();
  });
}

test('a page opened in a background tab draws nothing until it is shown', async () => {
  // Headless Chromium never hides a page, so the test plays the browser's part: the
  // document says it is hidden and animation frames wait until it is shown.
  const page = await openPage(browser, server.url, {
    before: (p) => p.addInitScript(() => {
      let hidden = true;
      const waiting = new Map();
      let next = 0;
      Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
      Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
      const raf = window.requestAnimationFrame.bind(window), caf = window.cancelAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) => (hidden ? (waiting.set(--next, cb), next) : raf(cb));
      window.cancelAnimationFrame = (id) => (id < 0 ? waiting.delete(id) : caf(id));
      window.__held = () => waiting.size;
      window.__show = () => {
        hidden = false;
        document.dispatchEvent(new Event('visibilitychange'));
        for (const cb of waiting.values()) raf(cb);
        waiting.clear();
      };
    }),
  });
  await page.waitForFunction(() => document.querySelector('article-widget').contentSet === true, null, { timeout: 20000, polling: 100 }); // not by animation frame
  // The widget has asked for its first frame: the hidden page holds the request.
  await page.waitForFunction(() => window.__held() > 0, null, { polling: 50 });
  assert.equal(await frameCount(page), 0, 'a hidden page drew the article');
  await page.evaluate(() => window.__show());
  await waitForEvent(page, 'ready');
  assert.ok(await frameCount(page) > 0);
  await page.context().close();
});

test('glyphs added after the first picture do not lay the article out again; a new width does', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const layouts = () => page.evaluate(() => document.querySelector('article-widget').layoutCount);
  const first = await layouts();
  // The News Line's headlines and the letters readers may type each rebuild the font atlas.
  const w = page.locator('article-widget');
  await w.locator('a[data-open-in-widget="true"]').first().waitFor();
  await w.locator('input[name=name]').click();
  await page.keyboard.type('Şəhla Ёлкина');
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.activeElement?.value === 'Şəhla Ёлкина');
  await settledFrames(page); // the typed letters are in the atlas and drawn
  assert.equal(await layouts(), first, 'the article kept its lines');
  await page.setViewportSize({ width: 480, height: 800 }); // a narrower column: new lines
  await page.waitForFunction((n) => document.querySelector('article-widget').layoutCount > n, first);
  await page.context().close();
});

test('a missing article shows the HTTP status and fires error', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  await page.evaluate(() => document.querySelector('article-widget').setAttribute('src', 'articles/no-such-article.json'));
  const error = await waitForEvent(page, 'error');
  assert.equal(error.status, 404);
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('[role=alert]'));
  const alert = await layerRect(page, '[role=alert]');
  assert.match(alert.text, /could not be loaded.*404.*no-such-article\.json/);
  // Drawn as one block in the column: title and detail start where "Try again" does.
  const retry = await page.locator('article-widget').locator('button', { hasText: 'Try again' }).boundingBox();
  const host = await page.locator('article-widget').boundingBox();
  const above = { y: host.y, height: retry.y - host.y };
  assert.equal(await inkIn(page, { x: host.x, width: retry.x - 2 - host.x, ...above }), 0, 'nothing drawn left of the column');
  assert.ok(await inkIn(page, { x: retry.x, width: host.x + host.width - retry.x, ...above }) > 0.01, 'the message is drawn');
  await page.context().close();
});

test('letters the fonts lack are drawn as U+FFFD, not left out, and the console names them', async () => {
  const headline = 'የኔቶ ዋና ጸሐፊ በባኩ'; // Amharic (Ethiopic): in none of the faces (Georgian and Armenian have theirs)
  const warnings = [];
  // The page's own article, so the headline face holds nothing but these letters (no '?' to fall back on).
  const page = await openPage(browser, server.url, {
    before: (p) => {
      p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      return p.route('**/articles/stoltenberg-baku.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify({ headline, articleBody: 'A paragraph in English.' }) }));
    },
  });
  await waitForEvent(page, 'ready');
  const h1 = await layerRect(page, '.text-layer h1');
  assert.ok(await inkIn(page, h1) > 0.05, 'the headline takes ink: a visible stand-in for each letter');
  assert.ok(warnings.some((w) => /no glyphs for \d+ characters.*U\+12[0-9A-F]{2}/.test(w)), `a console warning names them (${warnings.join(' | ') || 'none'})`);
  await page.context().close();
});

test('a malformed article names the field and fires error', async () => {
  const page = await openPage(browser, server.url, {
    before: (p) => p.route('**/articles/broken.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ headline: 'Broken', articleBody: 42 }) })),
  });
  await waitForEvent(page, 'ready');
  await page.evaluate(() => document.querySelector('article-widget').setAttribute('src', 'articles/broken.json'));
  const error = await waitForEvent(page, 'error');
  assert.equal(error.message, 'articleBody: expected a string, got number');
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('[role=alert]'));
  const alert = await layerRect(page, '[role=alert]');
  assert.match(alert.text, /damaged: articleBody: expected a string, got number/);
  // The message is drawn, not only announced.
  const box = await page.evaluate(() => document.querySelector('article-widget').getBoundingClientRect().toJSON());
  const ink = await inkIn(page, { x: box.x, y: box.y, width: box.width, height: 120 });
  assert.ok(ink > 0.005, `error message drawn (ink ${ink.toFixed(4)})`);
  await page.context().close();
});

test('"Try again" after a failed load fetches the article again', async () => {
  let fail = true;
  const page = await openPage(browser, server.url, {
    before: (p) => p.route('**/articles/stoltenberg-baku.json', (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.continue())),
  });
  const error = await waitForEvent(page, 'error');
  assert.equal(error.status, 503);
  fail = false;
  const retry = page.locator('article-widget').locator('button', { hasText: 'Try again' });
  await retry.click();
  const ready = await waitForEvent(page, 'ready');
  assert.equal(ready.src, 'articles/stoltenberg-baku.json');
  await page.context().close();
});

test('browser zoom to 200% re-rasterises for the new device pixel ratio', async () => {
  const page = await openPage(browser, server.url, { dpr: 1 });
  await waitForEvent(page, 'ready');
  // What zooming a 1280x900 window to 200% does: half the CSS pixels, twice the device pixels per CSS pixel.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 450, deviceScaleFactor: 2, mobile: false });
  await page.waitForFunction(() => {
    const c = document.querySelector('article-widget').shadowRoot.querySelector('canvas');
    return c.width === Math.round(c.getBoundingClientRect().width * 2);
  });
  await settledFrames(page);
  const line = await layerRect(page, 'h1 span');
  assert.ok(await inkIn(page, line) > 0.08, 'headline still drawn in place after the change');
  await page.context().close();
});

test('a host that fixes the height gets internal scrolling, and the canvas draws the slice in view', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  await page.evaluate(() => { document.querySelector('article-widget').style.height = '420px'; });
  const w = page.locator('article-widget');
  const box = await w.boundingBox();
  assert.equal(Math.round(box.height), 420);
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.wheel(0, 900);
  await page.waitForFunction(() => document.querySelector('article-widget').scrollTop > 500);
  await settledFrames(page);
  const canvas = await page.evaluate(() => {
    const c = document.querySelector('article-widget').shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { top: c.top, bottom: c.bottom, height: c.height };
  });
  // The canvas is a band around the host's visible part (web/widget/viewport.js): three of its heights at most.
  assert.ok(canvas.height <= 3 * 420 + 1, `canvas a band of at most three host heights (${canvas.height})`);
  assert.ok(canvas.top <= box.y + 0.5 && canvas.bottom >= box.y + 420 - 0.5, 'canvas covers the visible part of the host');
  // A paragraph line now inside the host's box is drawn.
  const line = await page.evaluate(([top, bottom]) => {
    const spans = [...document.querySelector('article-widget').shadowRoot.querySelectorAll('p.paragraph span')];
    const s = spans.find((e) => { const r = e.getBoundingClientRect(); return r.top > top + 20 && r.bottom < bottom - 20 && r.width > 300; });
    return s.getBoundingClientRect().toJSON();
  }, [box.y, box.y + 420]);
  assert.ok(await inkIn(page, line) > 0.04, 'scrolled-to text is drawn inside the host');
  await page.context().close();
});

test('a fast load goes straight to the article; a slow one says "Loading article…" until it arrives', async () => {
  const watchStatus = (p) => p.addInitScript(() => {
    window.__statusSeen = false;
    const look = () => {
      const status = document.querySelector('article-widget')?.shadowRoot?.querySelector('.status');
      if (status && !status.hidden) window.__statusSeen = status.textContent.trim();
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const fast = await openPage(browser, server.url, { before: watchStatus });
  await waitForEvent(fast, 'ready');
  assert.equal(await fast.evaluate(() => window.__statusSeen), false, 'no loading message flashed before the article');
  await fast.context().close();

  const slow = await openPage(browser, server.url, {
    before: async (p) => {
      await watchStatus(p);
      await p.route('**/articles/stoltenberg-baku.json', async (route) => { await new Promise((r) => setTimeout(r, 2500)); return route.continue(); });
    },
  });
  await slow.waitForFunction(() => window.__statusSeen);
  assert.match(await slow.evaluate(() => window.__statusSeen), /^Loading article…/);
  await waitForEvent(slow, 'ready');
  const hidden = await slow.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.status').hidden);
  assert.equal(hidden, true, 'the message goes once the article is drawn');
  await slow.context().close();
});
