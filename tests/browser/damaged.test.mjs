// Damaged input never breaks the page: a publisher's stray bytes cost a
// character, not the article, and nothing throws past the widget.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inkIn, launchBrowser, layerRect, nextFrames, openPage, repo, startServer, waitForEvent } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('invalid UTF-8 in the article costs one character each, with a console warning naming the byte', async () => {
  const json = readFileSync(join(repo, 'assets/articles/stoltenberg-baku.json'));
  const at = json.indexOf(Buffer.from('three-day'));
  // A lone continuation byte and a truncated two-byte sequence inside the first paragraph.
  const damaged = Buffer.concat([json.subarray(0, at), Buffer.from([0x80, 0x20, 0xC3]), json.subarray(at)]);
  const warnings = [];
  const page = await openPage(browser, server.url, {
    before: async (p) => {
      p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      await p.route('**/articles/stoltenberg-baku.json', (route) => route.fulfill({ contentType: 'application/json', body: damaged }));
    },
  });
  await waitForEvent(page, 'ready');
  const paragraph = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('p.paragraph').textContent);
  assert.match(paragraph, /\uFFFD \uFFFDthree-/, 'each bad sequence reads as U+FFFD, the text around it intact');
  assert.ok(warnings.some((w) => new RegExp(`invalid UTF-8 at byte (offset )?${at}`).test(w)), `a warning names byte ${at}: ${warnings.join(' | ')}`);
  assert.deepEqual(page.consoleErrors, [], 'nothing thrown');
  await nextFrames(page);
  const status = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.status').hidden);
  assert.equal(status, true, 'no loading overlay over the article');
  const line = await layerRect(page, 'h1 span');
  assert.ok(await inkIn(page, line) > 0.08, 'the article is drawn');
  await page.context().close();
});

test('an article that is not JSON at all shows the error view, with no overlay and nothing thrown', async () => {
  const page = await openPage(browser, server.url, {
    before: (p) => p.route('**/articles/stoltenberg-baku.json', (route) => route.fulfill({ contentType: 'application/json', body: Buffer.from([0xFF, 0xFE, 0x7B, 0x80]) })),
  });
  const error = await waitForEvent(page, 'error');
  assert.match(error.message, /not valid JSON/);
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('.text-layer [role=alert]'));
  await nextFrames(page);
  const state = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return { overlay: root.querySelector('.status').hidden, alert: root.querySelector('.text-layer [role=alert]').textContent };
  });
  assert.equal(state.overlay, true, 'no loading overlay over the error');
  assert.match(state.alert, /This article could not be shown/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
