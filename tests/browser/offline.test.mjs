// Offline: after one visit the service worker has the widget's files, the page,
// the article and the feed; a reload with the network off shows the article,
// the News Line and the form (a review waits in the outbox). A new deploy
// replaces the cache as a whole, and a page never runs old JS with new wasm.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, repo, startServer, waitForEvent } from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const widget = (page) => page.locator('article-widget');

// Polls an async page function until it returns true (waitForFunction would take its promise as truthy).
async function until(page, fn, arg, what, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The worker is active and keeps a copy of each of these URLs.
function waitUntilKept(page, urls) {
  return until(page, async (list) => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration?.active) return false;
    for (const u of list) if (!(await caches.match(u, { ignoreVary: true }))) return false;
    return true;
  }, urls, `the worker keeps ${urls.join(', ')}`);
}

// Hashed widget files this page has loaded (from the network or the worker).
const loadedWidgetFiles = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname.slice(1)).filter((p) => /^widget\/.*\.[0-9a-f]{8}\.[a-z0-9]+$/.test(p)));

const cacheNames = (page) => page.evaluate(() => caches.keys());

test('after one visit, a reload with the network off shows the article, the News Line and the form', async () => {
  const server = await startServer();
  try {
    const page = await openPage(browser, server.url);
    await waitForEvent(page, 'ready');
    await widget(page).locator('a[data-field^="news:"]').first().waitFor();
    await waitUntilKept(page, [server.url, `${server.url}articles/stoltenberg-baku.json`, `${server.url}news-line.json`, `${server.url}widget/article-widget.js`]);

    await page.context().setOffline(true);
    await page.reload();
    await waitForEvent(page, 'ready');
    assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true, 'the worker answered');
    const parts = await page.evaluate(() => {
      const root = document.querySelector('article-widget').shadowRoot;
      return {
        h1: root.querySelector('.text-layer h1').textContent.replace(/\s+/g, ' ').trim(),
        paragraphs: root.querySelectorAll('.text-layer p.paragraph').length,
        form: !!root.querySelector('textarea[name=body]'),
      };
    });
    assert.equal(parts.h1, 'For what purpose did NATO Secretary General Jens Stoltenberg arrive in Baku?');
    assert.equal(parts.paragraphs, 7);
    assert.equal(parts.form, true, 'the review form');
    await widget(page).locator('a[data-field^="news:"]').first().waitFor({ timeout: 10000 }); // the News Line

    // A review written offline waits in the outbox.
    await widget(page).locator('input[name=name]').click();
    await page.keyboard.type('Offline Reader');
    await widget(page).locator('input[type=radio][value="4"]').click({ force: true });
    await widget(page).locator('textarea[name=body]').click();
    await page.keyboard.type('Read on a train with no signal.');
    await widget(page).locator('button[type=submit]').click();
    await page.waitForFunction(() => /waiting to be sent/.test(document.querySelector('article-widget').shadowRoot.querySelector('section')?.textContent ?? ''));

    // An article never seen is not there, and says so.
    await page.evaluate(() => { window.__widgetEvents.length = 0; document.querySelector('article-widget').setAttribute('src', 'articles/guba-orchards-spring.json'); });
    const error = await waitForEvent(page, 'error');
    assert.match(error.message, /could not be reached|could not be loaded/);
    await page.context().close();
  } finally {
    await server.stop();
  }
});

// "Rebuild": the same site assembled again after a change to the JS and to the wasm.
function rebuild(staging, out) {
  // A statement, not a comment: the bundler drops comments.
  appendFileSync(join(staging, 'widget/runtime.js'), `\nglobalThis.articleWidgetRebuilt = ${Date.now()};\n`);
  // A valid wasm custom section ("test", empty) makes new bytes without changing the program.
  appendFileSync(join(staging, 'widget/aw.wasm'), Buffer.from([0x00, 0x05, 0x04, 0x74, 0x65, 0x73, 0x74]));
  const next = `${out}.next`;
  execFileSync(process.execPath, [join(repo, 'scripts/assemble-site.mjs'), staging, next], { stdio: 'pipe' });
  // Deploy: the folder's content is replaced as a whole.
  rmSync(out, { recursive: true, force: true });
  cpSync(next, out, { recursive: true });
  rmSync(next, { recursive: true, force: true });
}

test('a new deploy replaces the cache as a whole, and old JS never meets new wasm', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aw-deploy-'));
  const staging = join(dir, 'staging');
  const out = join(dir, 'site');
  cpSync(join(repo, 'build/site'), staging, { recursive: true });
  execFileSync(process.execPath, [join(repo, 'scripts/assemble-site.mjs'), staging, out], { stdio: 'pipe' });
  const first = JSON.parse(readFileSync(join(out, 'precache-manifest.json'), 'utf8'));
  const server = await startServer(['--root', out]);
  try {
    const page = await openPage(browser, server.url);
    await waitForEvent(page, 'ready');
    await waitUntilKept(page, [server.url, `${server.url}articles/stoltenberg-baku.json`]);
    const names = (await cacheNames(page)).filter((n) => n.startsWith('article-widget:'));
    assert.deepEqual(names, [`article-widget:${server.url}:${first.version}`]);

    rebuild(staging, out);
    const second = JSON.parse(readFileSync(join(out, 'precache-manifest.json'), 'utf8'));
    assert.notEqual(second.version, first.version);
    const bundleOf = (m) => m.files.find((f) => /^widget\/article-widget\.[0-9a-f]{8}\.js$/.test(f));
    const wasmOf = (m) => m.files.find((f) => /^widget\/aw\.[0-9a-f]{8}\.wasm$/.test(f));
    // A build's files: the precached ones and those fetched only on need (the form's Cyrillic face, once idle).
    const ofBuild = (m) => [...m.files, ...(m.optional ?? [])];
    assert.notEqual(bundleOf(second), bundleOf(first));
    assert.notEqual(wasmOf(second), wasmOf(first));

    // Online reload: the page gets the new build at once; the new worker installs, takes over and drops the old cache.
    await page.reload();
    await waitForEvent(page, 'ready');
    let loaded = await loadedWidgetFiles(page);
    assert.ok(loaded.includes(bundleOf(second)) && loaded.includes(wasmOf(second)), `new build loaded: ${loaded}`);
    assert.deepEqual(loaded.filter((f) => !ofBuild(second).includes(f)), [], 'nothing of the old build');
    await until(page, async ([prefix, version]) => {
      const names = (await caches.keys()).filter((n) => n.startsWith(prefix));
      return names.length === 1 && names[0].endsWith(`:${version}`);
    }, [`article-widget:${server.url}:`, second.version], 'the new version replaced the old cache');
    const precache = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1)).sort(),
      `article-widget:${server.url}:${second.version}`);
    assert.deepEqual(second.files.filter((f) => !precache.includes(f)), [], 'the cache holds the whole new build');
    assert.deepEqual(precache.filter((f) => !ofBuild(second).includes(f)), [], 'and nothing else');

    // Offline: the new build, whole, from the cache.
    await page.context().setOffline(true);
    await page.reload();
    await waitForEvent(page, 'ready');
    loaded = await loadedWidgetFiles(page);
    assert.ok(loaded.includes(bundleOf(second)) && loaded.includes(wasmOf(second)), `new build offline: ${loaded}`);
    assert.deepEqual(loaded.filter((f) => !ofBuild(second).includes(f)), [], 'nothing of the old build');
    await page.context().close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
