// dist/ is the whole static site: a plain static server (python3 -m http.server,
// no special headers, no API) serves a copy of it at the root and under a
// sub-path, and the pages work unchanged.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, launchBrowser, openPage, repo } from './harness.mjs';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
let browser, dir, host;

async function startStaticHost(root) {
  const port = await freePort();
  const proc = spawn(PYTHON, ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return { url, stop: () => new Promise((r) => { proc.once('exit', r); proc.kill(); }) };
    } catch {
      if (proc.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  proc.kill();
  throw new Error('python3 -m http.server did not start');
}

before(async () => {
  // The same copy twice: at the root of one folder and under news/widget/ of it.
  dir = mkdtempSync(join(tmpdir(), 'aw-static-'));
  cpSync(join(repo, 'dist'), dir, { recursive: true });
  mkdirSync(join(dir, 'news'), { recursive: true });
  cpSync(join(repo, 'dist'), join(dir, 'news/widget'), { recursive: true });
  host = await startStaticHost(dir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Loads a page, waits for `count` widgets to be ready, and lists failed requests.
async function visit(url, count) {
  const failed = [];
  const page = await openPage(browser, url, {
    before: (p) => {
      p.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`); });
      p.on('requestfailed', (r) => failed.push(`failed ${new URL(r.url()).pathname}`));
    },
  });
  await page.waitForFunction((n) => window.__widgetEvents.filter((e) => e.type === 'ready').length >= n, count, { timeout: 30000 });
  return { page, failed };
}

// A static host has no review API: those requests may fail, nothing else may.
const notApi = (list) => list.filter((f) => !/\/api\//.test(f));

for (const [where, prefix] of [['at the root', ''], ['under the sub-path /news/widget/', 'news/widget/']]) {
  test(`the demo page works from a plain static server ${where}`, async () => {
    const { page, failed } = await visit(`${host.url}${prefix}`, 1);
    const h1 = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.text-layer h1').textContent);
    assert.match(h1, /Stoltenberg arrive in Baku/);
    assert.deepEqual(notApi(failed), []);
    // Everything was fetched from inside the copy: relative URLs only.
    const outside = await page.evaluate((p) => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
      .filter((path) => !path.startsWith(`/${p}`)), prefix);
    assert.deepEqual(outside, []);
    // The service worker belongs to this copy of the site.
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    assert.equal(scope, `${host.url}${prefix}`);
    await page.context().close();
  });

  test(`embed.html with two widgets works from a plain static server ${where}`, async () => {
    const { page, failed } = await visit(`${host.url}${prefix}embed.html`, 2);
    const srcs = await page.evaluate(() => window.__widgetEvents.filter((e) => e.type === 'ready').map((e) => e.detail.src).sort());
    assert.deepEqual(srcs, ['articles/baku-book-fair.json', 'articles/caspian-ferry-sailings.json']);
    assert.deepEqual(notApi(failed), []);
    assert.deepEqual(page.consoleErrors.filter((e) => !/favicon|404|api\/reviews/.test(e)), []);
    await page.context().close();
  });
}
