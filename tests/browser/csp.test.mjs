// A strict Content-Security-Policy: the widget shows everything with not one
// securitypolicyviolation, as a <meta> (csp.html) and as a real response header
// on the demo pages. And the built JS has no eval or new Function.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, repo, settledFrames, startServer } from './harness.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function recordViolations(page) {
  page.cspConsole = [];
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) page.cspConsole.push(m.text()); });
  await page.addInitScript(() => {
    window.__violations = [];
    // The event is composed: violations inside the widget's shadow root reach the document too.
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile }), true);
  });
}

// Everything a reader can see: scrolled through, the News Line and the form drawn, the worker registered.
async function showEverything(page, count) {
  await page.waitForFunction((n) => window.__widgetEvents.filter((e) => e.type === 'ready').length >= n, count, { timeout: 30000 });
  for (let y = 0; ; y += 600) {
    const done = await page.evaluate((top) => { window.scrollTo(0, top); return top + innerHeight >= document.documentElement.scrollHeight; }, y);
    await settledFrames(page); // what came into view is drawn and described
    if (done) break;
  }
  const worker = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then((r) => r.active.state),
    new Promise((r) => setTimeout(r, 15000, 'none')),
  ]));
  assert.match(worker, /activ/, 'the service worker registered under the policy');
  await settledFrames(page); // a violation of the last frames is reported by now
}

test('csp.html: the policy as a <meta>, and no violation at all', async () => {
  const page = await openPage(browser, `${server.url}csp.html`, { before: recordViolations });
  await showEverything(page, 1);
  const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.equal(policy, POLICY);
  // The article, the News Line and the form are all there.
  const parts = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return { paragraphs: root.querySelectorAll('.text-layer p.paragraph').length, news: root.querySelectorAll('a[data-field^="news:"]').length, form: !!root.querySelector('textarea') };
  });
  assert.ok(parts.paragraphs >= 7, 'the article');
  assert.ok(parts.news > 0, 'the News Line');
  assert.ok(parts.form, 'the review form');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.cspConsole, []);
  await page.context().close();
});

for (const path of ['', 'embed.html']) {
  test(`/${path}: the policy as a response header, and no violation at all`, async () => {
    const page = await openPage(browser, `${server.url}${path}`, {
      before: async (p) => {
        await recordViolations(p);
        await p.route((url) => url.pathname === `/${path}`, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': POLICY } });
        });
      },
    });
    await showEverything(page, path ? 2 : 1);
    // The header really applied: an inline script is refused (the one violation we cause on purpose).
    const inlineRan = await page.evaluate(() => {
      window.__inline = false;
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.append(s); // an allowed inline script would have run by now
      return window.__inline;
    });
    assert.equal(inlineRan, false, 'the policy is in force');
    await page.waitForFunction(() => window.__violations.length > 0); // reported in a task of its own
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations.map((v) => v.directive), ['script-src-elem'], JSON.stringify(violations));
    await page.context().close();
  });
}

test('the built widget has no eval, new Function or string timers', () => {
  const dir = join(repo, 'dist/widget');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  assert.ok(files.some((f) => /^article-widget\.[0-9a-f]{8}\.js$/.test(f)), `the bundle is among ${files}`);
  for (const f of files) {
    const js = readFileSync(join(dir, f), 'utf8');
    assert.doesNotMatch(js, /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]|set(Timeout|Interval)\s*\(\s*['"`]/, f);
  }
});
