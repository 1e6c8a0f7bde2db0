// A browser without WebGL 2 (blocklisted GPU drivers, --disable-webgl): the
// reader still gets the article, the form and working links. Nothing draws
// the picture; the text layer and the controls the wasm side placed show
// themselves, and the wasm side keeps laying out and validating each frame.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { inkIn, launchBrowser, layerRect, openPage, settledFrames, startServer, waitForEvent } from './harness.mjs';

const HEADLINE = 'For what purpose did NATO Secretary General Jens Stoltenberg arrive in Baku?';
let server, browser;
before(async () => { server = await startServer(['--rate-limit', '0']); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// As Chromium with WebGL switched off: no webgl2 context on either kind of canvas.
const withoutWebGl = (page) => page.addInitScript(() => {
  for (const Canvas of [HTMLCanvasElement, OffscreenCanvas]) {
    const getContext = Canvas.prototype.getContext;
    Canvas.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : getContext.call(this, type, ...rest);
    };
  }
});

test('without WebGL 2 the article is shown as text where it is laid out, with no alert', async () => {
  const page = await openPage(browser, server.url, { before: withoutWebGl });
  await waitForEvent(page, 'ready');
  await settledFrames(page);
  const state = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return {
      status: root.querySelector('.status').hidden,
      alerts: root.querySelectorAll('[role=alert]:not(:empty)').length,
      plain: root.querySelector('.box').classList.contains('plain'),
      paragraphs: root.querySelectorAll('.text-layer p.paragraph').length,
    };
  });
  assert.deepEqual(state, { status: true, alerts: 0, plain: true, paragraphs: 7 });
  const events = await page.evaluate(() => window.__widgetEvents.map((e) => e.type));
  assert.deepEqual(events, ['ready'], 'no error event');
  // The headline is inked where its text-layer line lies, and the margin beside the column stays blank.
  const line = await layerRect(page, 'h1 span');
  assert.equal((await layerRect(page, 'h1')).text.trim().replace(/\s+/g, ' '), HEADLINE);
  assert.ok(await inkIn(page, line) > 0.08, 'the headline is drawn');
  assert.ok(await inkIn(page, { x: 4, y: line.y, width: Math.max(8, line.x - 24), height: line.height }) < 0.001, 'the margin stays blank');
  // Later frames still lay out: a narrower window breaks the lines again.
  const layouts = await page.evaluate(() => document.querySelector('article-widget').layoutCount);
  await page.setViewportSize({ width: 480, height: 800 });
  await page.waitForFunction((n) => document.querySelector('article-widget').layoutCount > n, layouts);
  await settledFrames(page);
  const narrow = await layerRect(page, 'p.paragraph span');
  assert.ok(narrow.x + narrow.width <= 480, `lines fit the narrower column (${JSON.stringify(narrow)})`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('without WebGL 2 a review can be written, is validated and is sent', async () => {
  const page = await openPage(browser, server.url, { before: withoutWebGl });
  await waitForEvent(page, 'ready');
  const w = page.locator('article-widget');
  // The fields show their labels and take typing where the form is laid out.
  const name = w.locator('input[name=name]');
  assert.equal(await name.getAttribute('placeholder'), 'Your name');
  assert.equal(await w.locator('input[name=email]').getAttribute('placeholder'), 'Email (optional)');
  assert.ok(await name.isVisible());
  // Sent empty: the wasm side validates, and its message shows under the field.
  await w.locator('button[type=submit]').click();
  const message = w.locator('input[name=name] + .message');
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('input[name=name] + .message')?.textContent);
  const box = await message.boundingBox();
  const field = await name.boundingBox();
  assert.ok(box.width > 50 && box.height > 10 && Math.abs(box.y - (field.y + field.height)) < 8, `the message is visible under the field (${JSON.stringify(box)})`);
  assert.ok(await inkIn(page, box) > 0.02, 'the message is legible');
  const body = `Read without WebGL ${Date.now()}`;
  await name.click();
  await page.keyboard.type('Plain Reader');
  await w.locator('input[type=radio][value="4"]').check();
  await w.locator('textarea[name=body]').click();
  await page.keyboard.type(body);
  await w.locator('button[type=submit]').click();
  const submitted = await waitForEvent(page, 'review-submitted');
  assert.equal(submitted.status, 201);
  const out = execFileSync('sqlite3', [join(server.dataDir, 'reviews.db'), `SELECT author_name, rating FROM reviews WHERE body = '${body}'`]);
  assert.equal(String(out).trim(), 'Plain Reader|4');
  // The sent review is listed, as visible text.
  await page.waitForFunction((t) => document.querySelector('article-widget').shadowRoot.querySelector('section article')?.textContent.includes(t), body);
  await settledFrames(page);
  const listed = await w.locator('section article').first().boundingBox();
  assert.ok(await inkIn(page, listed) > 0.02, 'the listed review is legible');
  await page.context().close();
});

test('without WebGL 2 the follow links and the News Line are visible, real links', async () => {
  const page = await openPage(browser, server.url, { before: withoutWebGl });
  await waitForEvent(page, 'ready');
  const w = page.locator('article-widget');
  const facebook = w.locator('[data-part=follow] a[aria-label="Follow us on Facebook"]');
  await facebook.scrollIntoViewIfNeeded();
  await settledFrames(page);
  assert.match(await facebook.getAttribute('href'), /^https:\/\/(www\.)?facebook\.com\//);
  assert.equal((await facebook.textContent()).trim(), 'Facebook');
  assert.ok(await inkIn(page, await facebook.boundingBox()) > 0.02, 'the follow link is legible');
  const href = await facebook.getAttribute('href');
  await page.context().route(/facebook\.com/, (route) => route.fulfill({ contentType: 'text/plain', body: 'Facebook' }));
  const [popup] = await Promise.all([page.context().waitForEvent('page'), facebook.click()]);
  await popup.waitForLoadState();
  assert.equal(popup.url(), href, 'the click opens the address');
  await popup.close();
  // The News Line's headlines open in the widget.
  const news = w.locator('a[data-open-in-widget=true]').first();
  await news.scrollIntoViewIfNeeded();
  await settledFrames(page);
  assert.ok(await inkIn(page, await news.boundingBox()) > 0.02, 'the News Line headline is legible');
  await news.click();
  await waitForEvent(page, 'article-opened');
  await page.context().close();
});
