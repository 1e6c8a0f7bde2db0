// "Follow us on social networks" and the "News Line" as a reader uses them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { inkIn, launchBrowser, openPage, repo, selectionRect, settledFrames, startServer, waitForEvent } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const root = (page) => page.evaluateHandle(() => document.querySelector('article-widget').shadowRoot);
const article = JSON.parse(readFileSync(join(repo, 'assets/articles/stoltenberg-baku.json'), 'utf8'));

// New tabs never reach a real network: every outside address gets a stub page.
async function stubOutside(page) {
  await page.context().route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ contentType: 'text/html', body: '<title>stub</title>' }));
}

test('each follow button opens its profile in a new tab, without opener or referrer', async () => {
  const page = await openPage(browser, server.url, { before: stubOutside });
  await waitForEvent(page, 'ready');
  const links = page.locator('article-widget').locator('a[target=_blank]');
  assert.equal(await links.count(), article.publisher.sameAs.length);
  for (let i = 0; i < article.publisher.sameAs.length; i++) {
    const link = links.nth(i);
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await popup.waitForLoadState();
    assert.equal(popup.url(), article.publisher.sameAs[i]);
    assert.equal(await popup.evaluate(() => window.opener), null, 'no window.opener');
    assert.equal(await popup.evaluate(() => document.referrer), '', 'no referrer');
    await popup.close();
  }
  // The drawn button sits under its link: the first one is inked.
  const box = await links.first().boundingBox();
  assert.ok(await inkIn(page, box) > 0.02, 'follow button drawn under its link');
  await page.context().close();
});

test('the review form, the follow buttons and the News Line are separate parts for assistive technology', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  await page.locator('article-widget').locator('a[data-open-in-widget="true"]').first().waitFor();
  const form = page.getByRole('form', { name: 'Leave a review' });
  assert.equal(await form.getByRole('textbox', { name: 'Your name' }).count(), 1);
  assert.equal(await form.getByRole('button', { name: 'Send review' }).count(), 1);
  assert.equal(await form.getByRole('link').count(), 0, 'no follow or News Line link inside the form');
  const follow = page.getByRole('region', { name: 'Follow us on social networks' });
  assert.equal(await follow.getByRole('link').count(), article.publisher.sameAs.length);
  const news = page.getByRole('region', { name: 'News Line' });
  assert.ok(await news.getByRole('link').count() >= 3);
  assert.equal(await news.getByRole('button', { name: 'Show more headlines' }).count(), 1);
  await page.context().close();
});

test('find in page reaches the News Line headlines where they are drawn', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  // The headline's copies come with the frame that lays the News Line out, after its links.
  await page.waitForFunction(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('a[data-open-in-widget] .line')]
    .some((l) => l.textContent.startsWith('Caspian ferries add sailings')));
  await settledFrames(page);
  assert.equal(await page.evaluate(() => window.find('Caspian ferries add sailings')), true);
  await settledFrames(page); // find in page may scroll to the match
  const hit = await selectionRect(page);
  assert.ok(hit.width > 100 && hit.height > 10, `the match has a box (${JSON.stringify(hit)})`);
  // The highlight lies on the drawn headline, not on an empty box beside it.
  assert.ok(await inkIn(page, hit) > 0.12, 'drawn text under the match');
  await page.context().close();
});

test('a javascript: or data: entry in sameAs never becomes a button, with a console warning', async () => {
  const doctored = structuredClone(article);
  doctored.publisher.sameAs = ['javascript:alert(1)', 'https://t.me/caucasusherald', 'data:text/html,hi', ' JaVaScRiPt:alert(2)'];
  const page = await openPage(browser, server.url, {
    before: (p) => p.route('**/articles/stoltenberg-baku.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(doctored) })),
  });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await waitForEvent(page, 'ready');
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('a[target=_blank]'));
  const hrefs = await page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('a')].map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes('https://t.me/caucasusherald'));
  assert.ok(hrefs.every((h) => !/^\s*(javascript|data):/i.test(h)), `no unsafe links: ${hrefs}`);
  assert.equal(warnings.filter((w) => /follow button dropped/.test(w)).length, 3);
  await page.context().close();
});

test('a News Line item opens the other article inside the widget, and the way back returns', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const news = page.locator('article-widget').locator('a[data-open-in-widget=true]');
  await news.first().waitFor();
  const label = await news.first().getAttribute('aria-label');
  const target = await news.first().getAttribute('href');
  await news.first().click();
  const opened = await waitForEvent(page, 'article-opened');
  assert.equal(opened.url, new URL(target, server.url).href);
  // The other article is drawn: its headline is in the text layer and inked on screen.
  const headline = () => page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.text-layer h1')?.textContent.replace(/\s+/g, ' ').trim());
  await page.waitForFunction((t) => document.querySelector('article-widget').shadowRoot.querySelector('.text-layer h1')?.textContent.replace(/\s+/g, ' ').trim() === t,
    label.replace(/^[^:]*: /, ''), { timeout: 10000 }).catch(async (e) => {
    throw new Error(`the opened article's headline never reached the text layer (it shows "${await headline()}")`, { cause: e });
  });
  await settledFrames(page);
  const h1 = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.text-layer h1 span').getBoundingClientRect().toJSON());
  assert.ok(await inkIn(page, h1) > 0.05, 'the opened article is drawn');

  const back = page.locator('article-widget').locator('button', { hasText: 'Back to' });
  // Drawn above the headline, it comes first of the widget's controls for Tab and screen readers.
  const first = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.controls :is(a, button, input, textarea)').textContent);
  assert.match(first, /^Back to/);
  await back.click();
  await page.waitForFunction(() => /Stoltenberg arrive in Baku/.test(document.querySelector('article-widget').shadowRoot.querySelector('.text-layer h1')?.textContent),
    null, { timeout: 10000 }).catch(async (e) => {
    throw new Error(`"Back to" did not bring the first article back (the text layer shows "${await headline()}")`, { cause: e });
  });
  assert.equal(await back.count(), 0, 'no way back from the first article');
  await page.context().close();
});

test('an article opened from the News Line lists its own reviews, not the last one\'s', async () => {
  // Each article has one review: the two desks count their changes alike.
  const review = (item, name) => ({ '@context': 'https://schema.org', '@type': 'Review', identifier: crypto.randomUUID(), itemReviewed: item,
    author: { '@type': 'Person', name }, reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
    reviewBody: `Read by ${name}`, dateCreated: '2026-11-20T10:00:00Z', datePublished: '2026-11-20T10:00:00Z' });
  const page = await openPage(browser, server.url, {
    before: (p) => p.route('**/api/reviews?*', (route) => {
      const item = new URL(route.request().url()).searchParams.get('item');
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify([review(item, item === 'stoltenberg-baku' ? 'Alpha Reader' : 'Beta Reader')]) });
    }),
  });
  await waitForEvent(page, 'ready');
  const listed = () => page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('section article')?.textContent ?? '');
  await page.waitForFunction(() => /Alpha Reader/.test(document.querySelector('article-widget').shadowRoot.querySelector('section article')?.textContent));
  await page.locator('article-widget').locator('a[data-open-in-widget=true]').first().click();
  await waitForEvent(page, 'article-opened');
  await page.waitForFunction(() => /Beta Reader/.test(document.querySelector('article-widget').shadowRoot.querySelector('section article')?.textContent), null, { timeout: 5000 })
    .catch(async (e) => { throw new Error(`the opened article lists "${await listed()}"`, { cause: e }); });
  await page.context().close();
});

test('the News Line is reachable by keyboard and shows more on request', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const w = page.locator('article-widget');
  await w.locator('a[data-open-in-widget="true"]').first().waitFor();
  const before = await w.locator('a[data-field^="news:"]').count();
  const more = w.locator('button', { hasText: 'Show more headlines' });
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelector('article-widget').shadowRoot.querySelectorAll('a[data-field^="news:"]').length > n, before);
  // The new headlines are drawn above the button, and come before it in Tab order too.
  const order = await page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('[data-field^="news"]')].map((e) => e.dataset.field));
  const drawn = [...order].sort((a, b) => (a === 'news-more') - (b === 'news-more') || Number(a.slice(5)) - Number(b.slice(5)));
  assert.deepEqual(order, drawn);
  assert.ok(order.length > before + 1);
  if (order.includes('news-more')) assert.ok(await more.evaluate((b) => b === b.getRootNode().activeElement), 'focus stays on the button');
  // Tab onto an in-widget headline and open it with Enter.
  await w.locator('a[data-open-in-widget=true]').last().focus();
  await page.keyboard.press('Enter');
  await waitForEvent(page, 'article-opened');
  await page.context().close();
});

test('on a phone-width widget the News Line sits below the article', async () => {
  const page = await openPage(browser, server.url, { width: 360, height: 740, dpr: 2 });
  await waitForEvent(page, 'ready');
  const w = page.locator('article-widget');
  await w.locator('a[data-field^="news:"]').first().waitFor();
  const firstNews = await w.locator('a[data-field^="news:"]').first().boundingBox();
  const lastParagraph = await page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('p.paragraph span')].pop().getBoundingClientRect().bottom);
  assert.ok(firstNews.y > lastParagraph, 'News Line after the article');
  assert.ok(firstNews.width <= 360, 'fits the column');
  // The way back from an opened article stays on one line inside the column (a long headline ends in "…").
  await w.locator('a[data-open-in-widget=true]').first().click();
  await waitForEvent(page, 'article-opened');
  const back = w.locator('button', { hasText: 'Back to' });
  await back.scrollIntoViewIfNeeded();
  assert.match(await back.textContent(), /Back to: For what purpose did NATO Secretary General Jens Stoltenberg arrive in Baku\?/);
  const box = await back.boundingBox();
  const headline = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.text-layer h1 span').getBoundingClientRect().toJSON());
  assert.ok(box.x + box.width <= 360 - headline.x + 1, `inside the column (${box.x}+${box.width} px, column from ${headline.x} px)`);
  assert.ok(box.height <= 48, 'one line');
  await page.context().close();
});
