// What publishers already have (#21): an HTML article page as src (Yoast's
// @graph, one NewsArticle), RSS and Atom as the News Line, and the article as
// the element's own content. Fixtures: assets/pages/ (the demo's Yoast page),
// assets/news-line.xml (the demo's RSS), tests/browser/fixtures/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { inkIn, launchBrowser, openPage, repo, settledFrames, startServer, waitForEvent } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const fixture = (name) => readFileSync(join(repo, 'tests/browser/fixtures', name), 'utf8');
const YOAST_HEADLINE = 'Sheki’s silk weavers get their looms back';
// Words of the Yoast page's furniture: menus, ads, share bar, newsletter, related, comments, sidebar, footer.
const FURNITURE = ['Advertisement', 'Morning Briefing', 'Sign me up', 'Related stories', 'Read also', 'Share on Facebook',
  'thoughts on', 'Most read this week', 'All rights reserved', 'Subscribe for 4 AZN', 'Tagged', 'Skip to content', 'Politics'];

// A page of the test's own under /t/ on the server's origin, with whatever else it names there.
async function hostPage(body, files = {}, options = {}) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/site.css">
    <script type="module" src="/widget/article-widget.js"></script></head><body><main class="page">${body}</main></body></html>`;
  const all = { '/t/host.html': { type: 'text/html', body: html }, ...files };
  return openPage(browser, `${server.url}t/host.html`, {
    ...options,
    before: async (page) => {
      await page.route('**/t/**', (route) => {
        const file = all[new URL(route.request().url()).pathname];
        return file ? route.fulfill({ contentType: file.type, body: file.body }) : route.fulfill({ status: 404, body: 'not found' });
      });
      await options.before?.(page);
    },
  });
}

const widgetText = (page, selector = 'article-widget') =>
  page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('.text-layer').textContent.replace(/\s+/g, ' '), selector);
const headlineRect = (page, selector = 'article-widget') =>
  page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('.text-layer h1 span').getBoundingClientRect().toJSON(), selector);

test('an HTML page with Yoast\'s @graph: its article is drawn with the graph\'s author, section and profiles, and none of its furniture', async () => {
  const page = await openPage(browser, `${server.url}sources.html`);
  await page.waitForFunction(() => window.__widgetEvents.some((e) => e.type === 'ready' && e.detail.src === 'pages/sheki-silk-looms.html'));
  await settledFrames(page, '#page');
  const text = await widgetText(page, '#page');
  assert.match(text, /Sheki’s silk weavers get their looms back/);
  assert.match(text, /Culture · 24 March 2024 · By Leyla Mammadova/, 'section from the array, author resolved from its @id');
  assert.match(text, /eleven hand looms clatter again/);
  assert.match(text, /The workshop plans to take six new apprentices/);
  for (const words of FURNITURE) assert.ok(!text.includes(words), `furniture "${words}" is not in the article`);
  // In the accessibility tree: the headline and the body, the publisher's four profiles from the graph.
  const widget = page.locator('#page');
  assert.equal(await widget.getByRole('heading', { name: YOAST_HEADLINE }).count(), 1);
  assert.equal(await widget.getByText(/eleven hand looms clatter again/).count(), 1);
  assert.equal(await widget.getByText(/Morning Briefing|Related stories|Advertisement/).count(), 0);
  assert.equal(await widget.getByRole('region', { name: 'Follow us on social networks' }).getByRole('link').count(), 4);
  // The page's markup keeps its structure on the rich path (rich-text.js): a subheading, a quote, the lead picture.
  assert.equal(await widget.getByRole('heading', { level: 2, name: 'Twenty years of silence' }).count(), 1);
  assert.equal(await widget.locator('blockquote').filter({ hasText: 'A printed scarf is a picture of a kelaghayi' }).count(), 1);
  assert.equal(await widget.getByRole('img', { name: /restored looms/ }).count(), 1);
  // Drawn: the headline is inked where its text lies.
  await widget.scrollIntoViewIfNeeded();
  await settledFrames(page, '#page');
  assert.ok(await inkIn(page, await headlineRect(page, '#page')) > 0.05, 'the headline is drawn');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the RSS News Line: CDATA, entities and escaped markup read as text, links resolved against the feed', async () => {
  const page = await openPage(browser, `${server.url}sources.html`);
  const news = page.locator('#page').getByRole('region', { name: 'News Line' });
  await news.getByRole('link').first().waitFor();
  const labels = await news.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? a.textContent));
  const all = labels.join('\n');
  assert.match(all, /Baku book fair opens with a record number of publishers/, 'CDATA with markup');
  assert.ok(!/Sheki’s silk weavers/.test(all), 'the article shown is no link of its own News Line');
  assert.match(all, /Markets fill up ahead of Novruz & the spring holidays/, 'an entity');
  assert.match(all, /“Difficult question”: why Stoltenberg began his tour in Baku/, 'double-encoded entities');
  assert.ok(!/<em>|&amp;|&#/.test(all), `no markup or entity left: ${all}`);
  // Newest first, from RFC 822 dates in three offsets.
  assert.match(labels[0], /Mountain roads in the north reopen/);
  // A relative link is the feed's: the ferry article opens inside the widget.
  const ferry = news.getByRole('link', { name: /Caspian ferries/ });
  assert.equal(await ferry.getAttribute('href'), `${server.url}articles/caspian-ferry-sailings.json`);
  assert.equal(await ferry.getAttribute('data-open-in-widget'), 'true');
  await settledFrames(page, '#page');
  await ferry.scrollIntoViewIfNeeded();
  await settledFrames(page, '#page');
  assert.ok(await inkIn(page, await ferry.boundingBox()) > 0.03, 'the headline is drawn under its link');
  await page.context().close();
});

test('an Atom News Line, told by its content type and root element whatever its name: HTML and XHTML titles, xml:base links', async () => {
  const page = await hostPage('<article-widget src="/articles/stoltenberg-baku.json" feed="/t/news.json"></article-widget>',
    { '/t/news.json': { type: 'application/atom+xml', body: fixture('atom.xml') } });
  const news = page.getByRole('region', { name: 'News Line' });
  await news.getByRole('link').first().waitFor();
  const lahij = news.getByRole('link', { name: /Lahij’s copper street keeps its hammers going/ });
  assert.equal(await lahij.count(), 1, 'type="html": entities decoded, tags dropped');
  assert.equal(await lahij.getAttribute('href'), 'https://herald.example.com/regions/lahij-copper-street/');
  assert.equal(await news.getByRole('link', { name: /Sheki silk, woven by hand again/ }).getAttribute('href'),
    'https://herald.example.com/2024/03/sheki-silk-looms/', 'type="xhtml", a root-relative link');
  // A named reference the core's own decoder does not know: the browser's HTML parser reads it.
  assert.equal(await news.getByRole('link', { name: /Quba carpets & the spring fair in Şamaxı/ }).count(), 1);
  await settledFrames(page);
  await lahij.scrollIntoViewIfNeeded();
  await settledFrames(page);
  assert.ok(await inkIn(page, await lahij.boundingBox()) > 0.03, 'the Atom headline is drawn');
  await page.context().close();
});

test('a feed that is neither RSS, Atom nor JSON Feed is named so in the console, and the article stays', async () => {
  for (const [type, body, reason] of [
    ['application/xml', '<?xml version="1.0"?><opml version="2.0"><body/></opml>', /neither RSS, Atom nor JSON Feed \(its root element is <opml>\)/],
    ['text/html', '<!doctype html><title>Not found</title><p>Sorry', /an HTML page, not RSS, Atom or JSON Feed/],
    ['application/rss+xml', '<rss><channel><title>x</title><item></channel></rss>', /not well-formed XML/],
  ]) {
    const page = await hostPage('<article-widget src="/articles/stoltenberg-baku.json" feed="/t/feed"></article-widget>',
      { '/t/feed': { type, body } });
    const warned = page.waitForEvent('console', { predicate: (m) => /News Line not shown/.test(m.text()) });
    await waitForEvent(page, 'ready');
    assert.match((await warned).text(), reason);
    assert.equal(await page.getByRole('region', { name: 'News Line' }).count(), 0);
    await page.context().close();
  }
});

test('a hand-built page with one NewsArticle: body from the markup, its entities, two authors, no promo or rails', async () => {
  const page = await hostPage('<article-widget src="/t/city/tram-returns"></article-widget>',
    { '/t/city/tram-returns': { type: 'text/html; charset=utf-8', body: fixture('single-article.html') } });
  await waitForEvent(page, 'ready');
  await settledFrames(page);
  const text = await widgetText(page);
  assert.match(text, /Ganja's tram returns to Javad Khan street/);
  assert.match(text, /City · 20 March 2024 · By Nigar Alizade and Tural Huseynov/);
  assert.match(text, /a tram rolled down Javad Khan street/);
  assert.match(text, /He would be glad to hear that bell again/);
  for (const words of ['cookies', 'Subscribe to Ganja Daily', 'More stories', 'Kapaz', 'Copyright', 'Weather'])
    assert.ok(!text.includes(words), `furniture "${words}" is not in the article`);
  assert.equal((text.match(/Ganja's tram returns/g) ?? []).length, 1, 'the page\'s h1 is the headline, not a paragraph too');
  assert.equal(await page.getByRole('heading', { name: "Ganja's tram returns to Javad Khan street" }).count(), 1);
  assert.ok(await inkIn(page, await headlineRect(page)) > 0.05, 'the headline is drawn');
  await page.context().close();
});

test('errors name what went wrong: no NewsArticle, an empty body, a page of another site without CORS', async () => {
  const cases = [
    ['/t/culture/', fixture('no-article.html'), /The page at \/t\/culture\/ has no NewsArticle in its JSON-LD \(it has: CollectionPage, WebSite\)/],
    ['/t/other/', fixture('no-article.html').replace('"name":"Culture"', '"name":"Culture","headline":"Culture"'),
      /no NewsArticle in the JSON-LD \(it has: CollectionPage, WebSite\)/], // a headline, but on no article: the core says so
    ['/t/video', fixture('empty-body.html'), /has a NewsArticle without articleBody, and no article text was found/],
    ['/t/plain', '<!doctype html><title>x</title><p>No metadata at all.</p>', /\/t\/plain has no NewsArticle: it carries no schema.org JSON-LD/],
  ];
  for (const [path, body, message] of cases) {
    const page = await hostPage(`<article-widget src="${path}"></article-widget>`, { [path]: { type: 'text/html', body } });
    const error = await waitForEvent(page, 'error');
    assert.match(error.message, message);
    // The widget's error view says it too, to readers and assistive technology.
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
    await page.context().close();
  }
  // localhost is another origin than 127.0.0.1, and the server sends no Access-Control-Allow-Origin.
  const other = `http://localhost:${server.port}/pages/sheki-silk-looms.html`;
  const page = await hostPage(`<article-widget src="${other}"></article-widget>`);
  const error = await waitForEvent(page, 'error');
  assert.match(error.message, /on another site \(http:\/\/localhost:\d+\), which must allow this one to read it \(CORS/);
  await page.context().close();
  // In the reader's language: the page's errors are catalog messages like the widget's own.
  const ru = await hostPage('<article-widget lang="ru" src="/t/culture/"></article-widget>', { '/t/culture/': { type: 'text/html', body: fixture('no-article.html') } });
  const said = await waitForEvent(ru, 'error');
  assert.match(said.message, /^Не удалось загрузить статью: Страница \/t\/culture\/: в JSON-LD нет NewsArticle \(там есть: CollectionPage, WebSite\)/);
  await ru.context().close();
});

// The inline article of the demo page, alone on a page of its own (so the page's height is the widget's doing).
const inlineWidget = readFileSync(join(repo, 'web/sources.html'), 'utf8').match(/<article-widget id="inline">[\s\S]*?<\/article-widget>/)[0];
const INLINE_HEADLINE = 'Lahij’s copper street keeps its hammers going';

test('the article as the element\'s content: readable before the program has loaded, then drawn in its place', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const page = await hostPage(`${inlineWidget}<p id="after">The page goes on.</p>`, {}, {
    before: (p) => p.route(/\/widget\/aw(\.[0-9a-f]+)?\.wasm$/, async (route) => { await held; await route.continue(); }),
  });
  const heading = page.getByRole('heading', { name: INLINE_HEADLINE });
  await heading.waitFor();
  // Before the program: the publisher's HTML, visible, inked and in the accessibility tree, once.
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').ready), false);
  assert.equal(await heading.count(), 1);
  assert.equal(await page.getByText(/a dozen coppersmiths still beat trays/).count(), 1);
  // Where the reader sees the headline and the first paragraph's first line (the middle of its text).
  const before = await page.evaluate(() => {
    const w = document.querySelector('article-widget');
    const range = document.createRange();
    range.selectNodeContents(w.querySelector('article > p'));
    const line = range.getClientRects()[0];
    return { top: w.getBoundingClientRect().top, h1: w.querySelector('h1').getBoundingClientRect().toJSON(), body: line.y + line.height / 2 };
  });
  assert.ok(await inkIn(page, before.h1) > 0.05, 'the inline headline is shown');
  // Every height the element takes from now on: the box laid out behind the markup must not change it.
  await page.evaluate(() => {
    window.__heights = [];
    new ResizeObserver(([e]) => window.__heights.push(Math.round(e.borderBoxSize[0].blockSize))).observe(document.querySelector('article-widget'));
  });

  release();
  await waitForEvent(page, 'ready');
  await settledFrames(page);
  const after = await page.evaluate(() => {
    const w = document.querySelector('article-widget');
    return { top: w.getBoundingClientRect().top, inlineHidden: w.shadowRoot.querySelector('.inline').hidden };
  });
  assert.equal(after.inlineHidden, true, 'the canvas has taken over');
  // One change of height, at the take-over, and only growth below the article (the form under it):
  // never a collapse to the loading state's height and back.
  const heights = await page.evaluate(() => window.__heights);
  assert.equal(heights.length, 2, `the element's heights: ${heights}`);
  assert.ok(heights[1] > heights[0], `it grows at the take-over: ${heights}`);
  assert.equal(after.top, before.top, 'the widget has not moved');
  // Drawn by the canvas in the same place: the headline's text layer line lies where the inline h1 was.
  const drawn = await headlineRect(page);
  assert.ok(Math.abs(drawn.y - before.h1.y) <= 3, `the headline stays in place (${before.h1.y} -> ${drawn.y})`);
  const body = await page.evaluate(() => {
    const r = document.querySelector('article-widget').shadowRoot.querySelector('.text-layer p.paragraph span').getBoundingClientRect();
    return r.y + r.height / 2;
  });
  assert.ok(Math.abs(body - before.body) <= 3, `the first line of the body stays in place (${before.body} -> ${body})`);
  assert.ok(await inkIn(page, drawn) > 0.05, 'the headline is drawn');
  assert.equal(await heading.count(), 1, 'one headline for assistive technology, the drawn one');
  const text = await widgetText(page);
  assert.match(text, /Regions · 23 March 2024 · By Farid Guliyev/);
  assert.match(text, /We would rather mend a good one than sell a new one/);
  assert.equal((text.match(/Lahij’s copper street/g) ?? []).length, 1, 'the header is not body text');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('without JavaScript the element\'s article is the publisher\'s HTML', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.route('**/t/host.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><main>${inlineWidget}</main>` }));
  await page.goto(`${server.url}t/host.html`);
  assert.equal(await page.getByRole('heading', { name: INLINE_HEADLINE }).count(), 1);
  assert.equal(await page.getByText(/a dozen coppersmiths still beat trays/).isVisible(), true);
  await context.close();
});

test('printed before the canvas has taken over, the element\'s own article is what goes on paper', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const page = await hostPage(inlineWidget, {}, {
    before: (p) => p.route(/\/widget\/aw(\.[0-9a-f]+)?\.wasm$/, async (route) => { await held; await route.continue(); }),
  });
  await page.getByRole('heading', { name: INLINE_HEADLINE }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const w = document.querySelector('article-widget');
    return { inline: getComputedStyle(w.shadowRoot.querySelector('.inline')).display, box: getComputedStyle(w.shadowRoot.querySelector('.box')).display };
  });
  assert.deepEqual(printed, { inline: 'block', box: 'none' });
  assert.equal(await page.getByText(/a dozen coppersmiths still beat trays/).isVisible(), true);
  release();
  await page.context().close();
});

test('without WebGL 2 the element\'s article gives way to the widget\'s own text and controls', async () => {
  const page = await hostPage(inlineWidget, {}, {
    before: (p) => p.addInitScript(() => {
      for (const Canvas of [HTMLCanvasElement, OffscreenCanvas]) {
        const getContext = Canvas.prototype.getContext;
        Canvas.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : getContext.call(this, type, ...rest); };
      }
    }),
  });
  await waitForEvent(page, 'ready');
  await settledFrames(page);
  const state = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return { plain: root.querySelector('.box').classList.contains('plain'), inlineHidden: root.querySelector('.inline').hidden };
  });
  assert.deepEqual(state, { plain: true, inlineHidden: true });
  assert.equal(await page.getByRole('heading', { name: INLINE_HEADLINE }).count(), 1);
  assert.ok(await inkIn(page, await headlineRect(page)) > 0.05, 'the headline is shown as text');
  assert.equal(await page.getByRole('form', { name: 'Leave a review' }).count(), 1);
  await page.context().close();
});

// windows-1251, as many Russian-language sites still serve their pages and feeds (Cyrillic only, plus ASCII).
const cp1251 = (text) => Buffer.from([...text].map((c) => {
  const u = c.codePointAt(0);
  if (u < 0x80) return u;
  if (u >= 0x410 && u <= 0x44f) return u - 0x410 + 0xc0;
  throw new Error(`not in this test's windows-1251: ${c}`);
}));

test('a page and a feed in windows-1251 are read in their own encoding, declared in a meta or the XML declaration', async () => {
  const page = await hostPage('<article-widget src="/t/ru/paromy" feed="/t/ru/rss"></article-widget>', {
    '/t/ru/paromy': { type: 'text/html', body: cp1251('<!doctype html><html lang="ru"><head><meta charset="windows-1251"><title>Паромы</title>'
      + '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Паромы на Каспии ходят чаще","inLanguage":"ru"}</script></head>'
      + '<body><nav>Главная Политика Экономика</nav><article><h1>Паромы на Каспии ходят чаще</h1><p>Новые рейсы в Казахстан и Туркменистан должны сократить '
      + 'очереди грузовиков в порту Алят. Порт принимает больше судов, чем год назад, и грузы идут быстрее.</p><p>Перевозчики говорят, что спрос растёт '.replace('ё', 'е')
      + 'каждую неделю и что новые суда придут летом. Расписание опубликовано на сайте порта.</p></article><footer>Все права защищены</footer></body></html>') },
    '/t/ru/rss': { type: 'application/rss+xml', body: cp1251('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Лента новостей</title>'
      + '<link>https://herald.example.com/ru/</link><item><title>Ярмарка книг открылась в Баку</title><link>https://herald.example.com/ru/kniga</link>'
      + '<pubDate>Sat, 16 Mar 2024 10:00:00 +0400</pubDate><guid>kniga</guid></item></channel></rss>') },
  });
  await waitForEvent(page, 'ready');
  const text = await widgetText(page);
  assert.match(text, /Паромы на Каспии ходят чаще/);
  assert.match(text, /очереди грузовиков в порту Алят/);
  assert.ok(!/Все права защищены|Главная/.test(text), 'no furniture');
  // The article's inLanguage makes the widget speak Russian: its News Line is the «Лента новостей».
  await page.getByRole('region', { name: 'Лента новостей' }).getByRole('link', { name: /Ярмарка книг открылась в Баку/ }).waitFor();
  await page.context().close();
});

test('a JSON-LD article that a server labels text/html is still read as JSON', async () => {
  const json = readFileSync(join(repo, 'assets/articles/guba-orchards-spring.json'), 'utf8');
  const page = await hostPage('<article-widget src="/t/guba"></article-widget>', { '/t/guba': { type: 'text/html', body: json } });
  await waitForEvent(page, 'ready');
  assert.match(await widgetText(page), new RegExp(JSON.parse(json).headline.slice(0, 30)));
  await page.context().close();
});

test('when the program cannot load, the element\'s own article stays for the reader', async () => {
  const page = await hostPage(inlineWidget, {}, {
    before: (p) => p.route(/\/widget\/aw(\.[0-9a-f]+)?\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  await waitForEvent(page, 'error');
  page.consoleErrors.length = 0; // the failed download's own console lines
  assert.equal(await page.getByRole('heading', { name: INLINE_HEADLINE }).isVisible(), true);
  assert.equal(await page.getByText(/a dozen coppersmiths still beat trays/).isVisible(), true);
  await page.context().close();
});

test('from the element\'s own article to a News Line story and back to it', async () => {
  const page = await hostPage(inlineWidget.replace('<article-widget id="inline">', '<article-widget id="inline" feed="/news-line.json">'));
  await waitForEvent(page, 'ready');
  const story = page.locator('article-widget').locator('a[data-open-in-widget=true]').first();
  await story.waitFor();
  await story.click();
  await waitForEvent(page, 'article-opened');
  await page.locator('article-widget').locator('button', { hasText: 'Back to' }).click();
  await page.waitForFunction((h) => document.querySelector('article-widget').shadowRoot.querySelector('.text-layer h1')?.textContent.replace(/\s+/g, ' ').trim() === h,
    INLINE_HEADLINE, { timeout: 10000 });
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').hasAttribute('src')), false);
  assert.equal(await page.getByRole('heading', { name: INLINE_HEADLINE }).count(), 1, 'drawn, and the markup still hidden');
  await page.context().close();
});

test('an element holding only its JSON-LD draws it, and says so when it has no body', async () => {
  const jsonLd = (node) => `<article-widget><script type="application/ld+json">${JSON.stringify(node)}</script></article-widget>`;
  let page = await hostPage(jsonLd({ '@type': 'NewsArticle', headline: 'Only metadata here', articleBody: '<p>And a body in it.</p>' }));
  await waitForEvent(page, 'ready');
  assert.match(await widgetText(page), /Only metadata here.*And a body in it/);
  await page.context().close();
  page = await hostPage(jsonLd({ '@type': 'NewsArticle', headline: 'Only metadata here' }));
  await waitForEvent(page, 'error');
  // Nothing of the element's own to show instead: the widget's error view is what the reader sees.
  await page.getByRole('alert').filter({ hasText: /no article text was found/ }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.box').classList.contains('behind')), false);
  await page.context().close();
});
