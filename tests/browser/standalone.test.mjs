// The single-file variant: dist/article-widget-standalone.html opened from
// file://, where a page may neither fetch nor import other files. Copied alone
// into an empty folder it still shows the article and the News Line.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { inkIn, launchBrowser, layerRect, openPage, repo, waitForEvent } from './harness.mjs';

const FILE = 'article-widget-standalone.html';
let browser, dir;
before(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'aw-standalone-'));
  copyFileSync(join(repo, 'dist', FILE), join(dir, FILE)); // alone: no widget/, no articles/
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the single-file page has no outside references', () => {
  // The page's markup, without the inlined scripts and styles.
  const html = readFileSync(join(repo, 'dist', FILE), 'utf8').replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '<$1></$1>');
  assert.ok(html.length < 20000, `only markup is left (${html.length} characters)`);
  assert.doesNotMatch(html, /<script[^>]+\bsrc=/, 'no external scripts');
  assert.doesNotMatch(html, /<link[^>]+rel="stylesheet"/, 'no external stylesheets');
  assert.doesNotMatch(html, /<link[^>]+href="(?!data:)/, 'no linked files');
  assert.doesNotMatch(html, /\breviews="/, 'no review endpoint from file://');
});

test('opened from file:// in an empty folder, it shows the article and the News Line', async () => {
  const url = pathToFileURL(join(dir, FILE)).href;
  const requests = [];
  const page = await openPage(browser, url, { before: (p) => p.on('request', (r) => requests.push(r.url())) });
  const ready = await waitForEvent(page, 'ready', 30000);
  assert.equal(ready.src, 'articles/stoltenberg-baku.json');
  const text = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return { h1: root.querySelector('.text-layer h1').textContent.replace(/\s+/g, ' ').trim(), paragraphs: root.querySelectorAll('.text-layer p.paragraph').length };
  });
  assert.equal(text.h1, 'For what purpose did NATO Secretary General Jens Stoltenberg arrive in Baku?');
  assert.equal(text.paragraphs, 7);
  const line = await layerRect(page, 'h1 span');
  assert.ok(await inkIn(page, line) > 0.08, 'the headline is drawn');

  // The form is there; without an endpoint, reviews stay on the reader's device.
  await page.locator('article-widget').locator('textarea').first().waitFor({ state: 'attached', timeout: 10000 });
  // The feed came from inside the page too.
  await page.locator('article-widget').locator('a[data-field^="news:"]').first().waitFor({ timeout: 10000 });

  // Nothing was loaded from the folder or any network: only the page itself, data: and blob: URLs.
  assert.deepEqual(requests.filter((r) => r !== url && !/^(data|blob):/.test(r)), []);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an article of the News Line opens inside the single-file page', async () => {
  const page = await openPage(browser, pathToFileURL(join(dir, FILE)).href);
  await waitForEvent(page, 'ready', 30000);
  const inside = page.locator('article-widget').locator('a[data-open-in-widget=true]');
  await inside.first().waitFor({ timeout: 10000 });
  const label = await inside.first().getAttribute('aria-label');
  await inside.first().click();
  await waitForEvent(page, 'article-opened');
  await page.waitForFunction((t) => document.querySelector('article-widget').shadowRoot.querySelector('.text-layer h1')?.textContent.replace(/\s+/g, ' ').trim() === t,
    label.replace(/^[^:]*: /, ''), { timeout: 10000 });
  await page.context().close();
});
