// The moderation page /admin/ in Chromium: sign-in with the token kept in
// sessionStorage only, the queues and their counts, decisions by click and by
// key with undo, review text shown as text, a strict CSP, a phone-sized layout.
// ADMIN_SCREENSHOTS=DIR also saves screenshots (DPR 1, DPR 2, phone) there.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, launchBrowser, repo } from './harness.mjs';

const TOKEN = 'browser-test-token-0123456789';
let server, browser;

// review_server with no static root: the page comes from the binary itself.
async function startModeration() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'aw-admin-'));
  const proc = spawn(join(repo, 'build/native/src/server/review_server'),
    ['--data-dir', dataDir, '--port', String(port), '--moderation', 'pre', '--rate-limit', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, REVIEW_ADMIN_TOKEN: TOKEN } });
  let log = '';
  await new Promise((resolve, reject) => {
    proc.stderr.on('data', (d) => { log += d; if (log.includes('listening on')) resolve(); });
    proc.once('exit', (code) => reject(new Error(`review_server exited (${code}): ${log}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    async stop() { proc.kill('SIGKILL'); await new Promise((r) => (proc.exitCode !== null || proc.signalCode ? r() : proc.once('exit', r))); rmSync(dataDir, { recursive: true, force: true }); },
    async post(overrides = {}) {
      const review = {
        identifier: randomUUID(), itemReviewed: 'stoltenberg-baku', author: { name: 'Anna Aliyeva', email: 'anna@example.com' },
        reviewRating: { ratingValue: 4 }, reviewBody: 'A clear and balanced account.', dateCreated: '2024-03-17T18:30:00Z',
        ...overrides,
      };
      const res = await fetch(`${base}/api/reviews`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(review) });
      assert.equal(res.status, 201);
      return review;
    },
    async adminGet(path) {
      return (await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
    },
  };
}

before(async () => { server = await startModeration(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function open({ width = 1100, height = 800, dpr = 1, isMobile = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, isMobile, hasTouch: isMobile });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push(e.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective), true);
  });
  const response = await page.goto(`${server.base}/admin/`);
  return { page, context, response };
}

async function signIn(page, token = TOKEN) {
  await page.fill('#token', token);
  await page.click('#sign-in-form button[type=submit]');
}

const card = (page, review) => page.locator(`#reviews li[data-identifier="${review.identifier}"]`);
const count = (page, queue) => page.locator(`#queues button[data-queue="${queue}"] .count`);

test('sign-in keeps the token in sessionStorage only; a wrong token is refused', async () => {
  const { page, context, response } = await open();
  assert.equal(response.status(), 200);
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, /frame-ancestors 'none'/);
  await page.locator('#sign-in').waitFor();
  await signIn(page, 'not-the-token-at-all');
  await page.locator('#sign-in-error', { hasText: 'not accepted' }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'a refused token is forgotten');

  await signIn(page);
  await page.locator('#desk').waitFor();
  assert.deepEqual(await page.evaluate(() => [sessionStorage.getItem('review-admin-token'), localStorage.length, document.cookie]),
    [TOKEN, 0, '']);
  assert.deepEqual(await context.cookies(), []);
  await page.reload();
  await page.locator('#desk').waitFor(); // the tab remembers it
  const other = await context.newPage(); // a new tab does not
  await other.goto(`${server.base}/admin/`);
  await other.locator('#sign-in').waitFor();
  await page.click('#sign-out');
  await page.locator('#sign-in').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems.filter((p) => !/401/.test(p)), []);
  await context.close();
});

test('markup in a review is shown as text, never run; the email is shown to moderators', async () => {
  const hostile = await server.post({
    itemReviewed: 'markup',
    author: { name: '<b id="injected-name">Mallory</b>', email: 'mallory@example.com' },
    reviewBody: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & "quotes"\nSecond line',
  });
  const { page, context } = await open();
  await signIn(page);
  const li = card(page, hostile);
  await li.waitFor();
  assert.equal(await li.locator('.body').textContent(), hostile.reviewBody);
  assert.equal(await li.locator('.author').textContent(), hostile.author.name);
  assert.equal(await li.locator('.email').textContent(), 'mallory@example.com');
  assert.equal(await page.locator('#reviews img, #reviews script, #injected-name').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

test('publish and reject by click and by key, undo, and a delete that waits for its undo', async () => {
  const item = `queue-${randomUUID().slice(0, 8)}`;
  const reviews = [];
  for (const name of ['Ada', 'Ben', 'Cy', 'Dee']) reviews.push(await server.post({ itemReviewed: item, author: { name } }));
  const [ada, ben, cy, dee] = reviews;
  const { page, context } = await open();
  await signIn(page);
  await page.fill('#item-filter', item);
  await page.press('#item-filter', 'Enter');
  await page.waitForFunction((it) => [...document.querySelectorAll('#reviews li .item')].every((e) => e.textContent === it)
    && document.querySelectorAll('#reviews li').length === 4, item);
  assert.equal(await count(page, 'pending').textContent(), '4');
  assert.deepEqual(await page.locator('#reviews .author').allTextContents(), ['Dee', 'Cy', 'Ben', 'Ada']);

  // A click publishes; the review leaves the queue and goes public.
  await card(page, dee).locator('button[data-action=publish]').click();
  await page.locator('#undo-text', { hasText: 'Published the review by Dee.' }).waitFor();
  await card(page, dee).waitFor({ state: 'detached' });
  assert.equal(await count(page, 'pending').textContent(), '3');
  assert.equal(await count(page, 'published').textContent(), '1');
  const publicList = async () => (await (await fetch(`${server.base}/api/reviews?item=${item}`)).json()).map((r) => r.author.name);
  assert.deepEqual(await publicList(), ['Dee']);
  // Undo puts it back.
  await page.click('#undo');
  await card(page, dee).waitFor();
  assert.deepEqual(await publicList(), []);
  assert.equal(await count(page, 'pending').textContent(), '4');

  // Keys: the first is selected; j moves down, r rejects.
  await page.locator('#reviews li.selected[data-identifier="' + dee.identifier + '"]').waitFor();
  await page.locator('body').press('j');
  await page.locator(`#reviews li.selected[data-identifier="${cy.identifier}"]`).waitFor();
  await page.locator('body').press('r');
  await card(page, cy).waitFor({ state: 'detached' });
  assert.equal((await server.adminGet(`/api/admin/reviews?status=rejected&item=${item}`)).reviews[0].identifier, cy.identifier);
  await page.locator('body').press('u');
  await card(page, cy).waitFor();
  assert.equal((await server.adminGet(`/api/admin/reviews?status=rejected&item=${item}`)).reviews.length, 0);

  // d deletes, u brings it back: nothing was erased.
  await page.locator(`#reviews li.selected`).waitFor();
  const selected = await page.locator('#reviews li.selected').getAttribute('data-identifier');
  await page.locator('body').press('d');
  await page.locator('#undo-text', { hasText: 'Deleted' }).waitFor();
  await page.locator(`#reviews li[data-identifier="${selected}"]`).waitFor({ state: 'detached' });
  await page.locator('body').press('u');
  await page.locator(`#reviews li[data-identifier="${selected}"]`).waitFor();
  assert.equal((await server.adminGet(`/api/admin/reviews?status=pending&item=${item}`)).reviews.length, 4);

  // A delete followed by another action is carried out.
  await card(page, ada).locator('button[data-action=delete]').click();
  await card(page, ada).waitFor({ state: 'detached' });
  await card(page, ben).locator('button[data-action=publish]').click();
  await page.locator('#undo-text', { hasText: 'Published the review by Ben.' }).waitFor();
  const pending = (await server.adminGet(`/api/admin/reviews?status=pending&item=${item}`)).reviews.map((r) => r.author.name);
  assert.deepEqual(pending, ['Dee', 'Cy']);
  const res = await fetch(`${server.base}/api/admin/reviews/${ada.identifier}/publish`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 404, 'Ada\'s review is erased');

  // The other queues, with their counts.
  await page.click('#queues button[data-queue=published]');
  await card(page, ben).waitFor();
  assert.equal(await page.locator('#queues button[aria-current=true]').getAttribute('data-queue'), 'published');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('reported reviews show their reports and can be kept', async () => {
  const item = `reported-${randomUUID().slice(0, 8)}`;
  const review = await server.post({ itemReviewed: item, author: { name: 'Rita' } });
  await fetch(`${server.base}/api/admin/reviews/${review.identifier}/publish`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
  await fetch(`${server.base}/api/reviews/${review.identifier}/report`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"reason":"spam"}' });
  const { page, context } = await open();
  await signIn(page);
  await page.click('#queues button[data-queue=reported]');
  await page.fill('#item-filter', item);
  await page.press('#item-filter', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('#reviews li').length === 1);
  const li = card(page, review);
  await li.locator('.badge.reported', { hasText: '1 report' }).waitFor();
  assert.equal(await li.locator('button[data-action=publish]').textContent(), 'Keep');
  await li.locator('button[data-action=publish]').click();
  await li.waitFor({ state: 'detached' });
  assert.equal(await count(page, 'reported').textContent(), '0');
  await context.close();
});

test('usable on a phone: no sideways scrolling, large targets; screenshots', async () => {
  for (let i = 0; i < 3; i++)
    await server.post({ itemReviewed: 'https://news.example/2024/03/a-rather-long-article-address-that-must-wrap-somewhere',
      author: { name: `Reader ${i}`, email: `reader${i}@example.com` },
      reviewBody: i === 0 ? 'Averyveryverylongwordwithoutanyspacesthatmustnotpushthelayoutsideways'.repeat(2) : 'Short and kind.' });
  const shots = process.env.ADMIN_SCREENSHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  for (const [name, options] of [['dpr1', { dpr: 1 }], ['dpr2', { dpr: 2 }], ['phone', { width: 390, height: 844, dpr: 3, isMobile: true }]]) {
    const { page, context } = await open(options);
    if (shots) await page.screenshot({ path: join(shots, `admin-signin-${name}.png`) });
    await signIn(page);
    await page.locator('#reviews li').first().waitFor();
    const layout = await page.evaluate(() => ({
      overflow: document.scrollingElement.scrollWidth - innerWidth,
      smallest: Math.min(...[...document.querySelectorAll('#desk button:not([hidden])')].filter((b) => b.offsetParent)
        .map((b) => b.getBoundingClientRect().height)),
    }));
    assert.ok(layout.overflow <= 0, `${name}: ${layout.overflow}px of sideways scrolling`);
    if (options.isMobile) assert.ok(layout.smallest >= 40, `${name}: a ${layout.smallest}px button is too small for a finger`);
    if (shots) {
      await page.screenshot({ path: join(shots, `admin-desk-${name}.png`) });
      await page.locator('#reviews li button[data-action=publish]').first().click();
      await page.locator('#undo-bar:not([hidden])').waitFor();
      await page.screenshot({ path: join(shots, `admin-undo-${name}.png`) });
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});
