// The rich article (shoreline.html): an HTML articleBody read by the browser's
// parser into subheadings, quotes, lists, links and figures, and a lead
// picture from NewsArticle image. Each element is drawn (pixels) and present in
// the accessibility tree; links are real, checked links; the picture's size
// follows the pixel ratio, keeps its box before it arrives and fails calmly;
// hostile markup never runs and never renders.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inkIn, launchBrowser, layerRect, openPage, settledFrames, startServer, waitForEvent } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const LEAD = /caspian-shore-(800|1600)\.webp$/;

// Resolves once no picture the page asked for is still loading, and the widget has settled.
async function picturesIn(page) {
  await page.waitForFunction(() => {
    const states = document.querySelector('article-widget').runtime?.imageStates;
    return states && states.size > 0 && [...states.values()].every((s) => s !== 'loading');
  });
  await settledFrames(page);
}

const rectOf = (page, selector) => page.evaluate((sel) => {
  const el = document.querySelector('article-widget').shadowRoot.querySelector(sel);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}, selector);

// Scrolls the page so the text-layer element is in view, lets the widget draw, gives its box.
async function inView(page, selector) {
  await page.evaluate((sel) => document.querySelector('article-widget').shadowRoot.querySelector(sel).scrollIntoView({ block: 'center' }), selector);
  await settledFrames(page);
  return rectOf(page, selector);
}

for (const dpr of [1, 2]) {
  test(`every element of the rich article is drawn and in the accessibility tree, the lead picture sized for DPR ${dpr}`, async () => {
    const requested = [];
    const page = await openPage(browser, server.url + 'shoreline.html', { dpr, before: (p) => p.on('request', (r) => requested.push(r.url())) });
    await waitForEvent(page, 'ready');
    await picturesIn(page);

    // The 648 px column wants 648 device px at DPR 1 (the 800 px source) and 1296 at DPR 2 (the 1600 px one).
    const lead = requested.filter((u) => LEAD.test(u));
    assert.deepEqual(lead.map((u) => LEAD.exec(u)[1]), [dpr === 1 ? '800' : '1600']);

    const tree = await page.locator('article-widget').ariaSnapshot();
    assert.match(tree, /heading "As the Caspian recedes, Baku's shoreline moves out to sea" \[level=1\]/);
    assert.match(tree, /heading "Why the water is falling" \[level=2\]/);
    assert.match(tree, /heading "Ports and ferries" \[level=3\]/);
    assert.match(tree, /blockquote/);
    assert.match(tree, /list:\s*\n\s*- listitem: warmer summers/);
    assert.match(tree, /listitem: Measure the level/);
    assert.match(tree, /figure[\s\S]*img "Illustration: a ferry leaves Baku bay at sunset/);
    assert.match(tree, /img "Bar chart: metres of new beach/);
    assert.match(tree, /link "Wikipedia's Caspian Sea page"/);
    assert.doesNotMatch(tree, /hijacked|document\.title/); // the body's <script> is dropped, not shown

    // Pixels: the drawing has ink where the text layer puts each element.
    for (const selector of ['figure.figure .picture', 'h2.subheading span', 'h3.minorheading span', 'blockquote p span', 'ul li span', 'ol li span', 'a.part']) {
      const r = await inView(page, selector);
      assert.ok(r && r.width > 10, `${selector} has a box`);
      const ink = await inkIn(page, r);
      assert.ok(ink > 0.04, `${selector} is drawn (ink ${ink.toFixed(3)})`);
    }
    // The picture's box is the picture: dark sea and sky, not the placeholder's pale panel.
    const picture = await inView(page, 'figure.figure .picture');
    assert.ok(await inkIn(page, { ...picture, height: picture.height / 2 }) > 0.5, 'the lead picture is drawn');
    assert.equal(await page.title(), "As the Caspian recedes, Baku's shoreline moves out to sea · Caucasus Herald");
    assert.deepEqual(page.consoleErrors.filter((e) => !/favicon/.test(e)), []);
    await page.context().close();
  });
}

test('links are real <a>s reached by Tab, opening a new tab without an opener', async () => {
  const page = await openPage(browser, server.url + 'shoreline.html');
  await waitForEvent(page, 'ready');
  const links = await page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('.text-layer a')]
    .map((a) => ({ href: a.href, target: a.target, rel: a.rel, text: a.textContent, tab: a.tabIndex })));
  const wiki = links.filter((l) => l.href === 'https://en.wikipedia.org/wiki/Caspian_Sea');
  assert.ok(wiki.length >= 1);
  assert.equal(wiki.map((l) => l.text).join('').replace(/\s+/g, ' ').trim(), "Wikipedia's Caspian Sea page");
  for (const l of links) {
    assert.equal(l.target, '_blank');
    assert.match(l.rel, /noopener/);
    assert.match(l.href, /^https:\/\//);
  }
  // Tab from the widget's own box reaches the first link, then the next one.
  await page.locator('article-widget').focus();
  const focused = [];
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.activeElement?.href ?? null));
  }
  assert.deepEqual(focused, ['https://en.wikipedia.org/wiki/Caspian_Sea', 'https://www.unep.org/']);
  const opened = page.context().waitForEvent('page');
  await page.keyboard.press('Enter');
  const tab = await opened;
  assert.equal(await tab.evaluate(() => window.opener), null);
  await page.context().close();
});

test('nothing moves when the lead picture arrives late', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const page = await openPage(browser, server.url + 'shoreline.html', {
    before: (p) => p.route(LEAD, async (route) => { await held; await route.continue(); }),
  });
  await waitForEvent(page, 'ready');
  await settledFrames(page);
  const place = () => page.evaluate(() => {
    const w = document.querySelector('article-widget');
    const first = w.shadowRoot.querySelector('p.paragraph').getBoundingClientRect();
    return { height: w.getBoundingClientRect().height, paragraph: first.y, figure: w.shadowRoot.querySelector('figure .picture').getBoundingClientRect().height };
  });
  const beforeArrival = await place();
  // While it loads, its box is a calm panel: almost no ink.
  const box = await rectOf(page, 'figure.figure .picture');
  assert.ok(await inkIn(page, box) < 0.01, 'the picture\'s box waits empty');
  release();
  await picturesIn(page);
  assert.deepEqual(await place(), beforeArrival);
  assert.ok(await inkIn(page, { ...box, height: box.height / 2 }) > 0.5, 'the picture is drawn in its box');
  await page.context().close();
});

test('a picture that is not there (404) leaves a calm placeholder of the same size, with its caption', async () => {
  const page = await openPage(browser, server.url + 'shoreline.html', {
    before: (p) => p.route(LEAD, (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  await waitForEvent(page, 'ready');
  await picturesIn(page);
  const box = await rectOf(page, 'figure.figure .picture');
  assert.ok(Math.abs(box.height - box.width * 533 / 800) < 1.5, 'the box keeps the picture\'s proportions');
  const middle = { x: box.x + box.width / 4, y: box.y + box.height / 2 - 12, width: box.width / 2, height: 24 };
  const note = await inkIn(page, middle);
  assert.ok(note > 0.005 && note < 0.3, `"Image unavailable" is written in the middle (ink ${note.toFixed(3)})`);
  assert.ok(await inkIn(page, { ...box, height: box.height / 3 }) < 0.01, 'the rest of the box is plain');
  const caption = await layerRect(page, 'figure.figure figcaption span');
  assert.match(caption.text, /^The seaside boulevard at dusk/);
  assert.ok(await inkIn(page, caption) > 0.04, 'the caption is drawn');
  await page.context().close();
});

test('hostile markup in articleBody never runs and never renders; links pass the URL policy', async () => {
  const hostile = {
    '@type': 'NewsArticle',
    headline: 'Hostile body',
    url: 'https://publisher.example/news/hostile',
    articleBody: `<p>Safe <a href="javascript:window.__pwned='link'">click me</a> and <a href=" JaVaScRiPt:alert(1)">me too</a>.</p>
      <script>window.__pwned = 'script'</script>
      <img src="/nonexistent.png" onerror="window.__pwned = 'onerror'">
      <p onmouseover="window.__pwned='handler'">Hover <a href="/relative/page">a relative link</a> <a href="data:text/html,<script>alert(1)</script>">data</a>.</p>
      <iframe src="https://evil.example/"></iframe><style>* { display: none }</style>
      <svg><script>window.__pwned = 'svg'</script><text>svg text</text></svg>
      <object data="x.swf">fallback object</object>`,
  };
  const requested = [];
  const page = await openPage(browser, server.url, {
    before: async (p) => {
      p.on('request', (r) => requested.push(r.url()));
      await p.route('**/articles/hostile.json', (route) => route.fulfill({ json: hostile }));
    },
  });
  await waitForEvent(page, 'ready');
  await page.evaluate(() => { window.__widgetEvents.length = 0; document.querySelector('article-widget').setAttribute('src', 'articles/hostile.json'); });
  await waitForEvent(page, 'ready');
  await settledFrames(page);
  const layer = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    const l = root.querySelector('.text-layer');
    return {
      text: l.textContent,
      links: [...l.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      embedded: root.querySelectorAll('script, iframe, img, object, svg, style:not(link)').length,
      handlers: [...l.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))),
    };
  });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(layer.text, /click me/);
  assert.match(layer.text, /me too/);
  assert.doesNotMatch(layer.text, /__pwned|svg text|fallback object|display: none/);
  // Only the relative link survives, made absolute against the article's own URL.
  assert.deepEqual(layer.links, ['https://publisher.example/relative/page']);
  assert.equal(layer.embedded, 0);
  assert.equal(layer.handlers, false);
  // The parser fetches nothing (no iframe, object, or <img> of the page's own); the <img> is a
  // picture of the article, which the widget asks for as one, against the article's URL.
  assert.deepEqual(requested.filter((u) => /nonexistent|evil\.example|x\.swf/.test(u)), ['https://publisher.example/nonexistent.png']);
  // Clicking where the refused link is drawn does nothing.
  const span = await layerRect(page, 'p.paragraph span');
  await page.mouse.click(span.x + 60, span.y + span.height / 2);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(page.context().pages().length, 1);
  await page.context().close();
});

test('copying a passage keeps its structure: the subheading, the list with its bullets, the link with its address', async () => {
  const page = await openPage(browser, server.url + 'shoreline.html');
  await waitForEvent(page, 'ready');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // From the start of the paragraph with the Wikipedia link to the end of the bulleted list.
  await page.evaluate(() => {
    const layer = document.querySelector('article-widget').shadowRoot.querySelector('.text-layer');
    const from = [...layer.querySelectorAll('p.paragraph')].find((p) => p.querySelector('a'));
    const items = layer.querySelectorAll('ul li');
    const last = items[items.length - 1];
    const walker = document.createTreeWalker(last, NodeFilter.SHOW_TEXT);
    let end = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) end = n;
    getSelection().setBaseAndExtent(from.querySelector('span').firstChild, 0, end, end.data.length);
  });
  await page.keyboard.press('Control+C');
  const { text, html } = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { text: await (await item.getType('text/plain')).text(), html: await (await item.getType('text/html')).text() };
  });
  const blocks = text.split('\n\n');
  assert.match(blocks[0], /^The Caspian is the largest enclosed body of water on Earth, .* Wikipedia's Caspian Sea page\.$/);
  assert.equal(blocks[1], 'Why the water is falling');
  assert.match(blocks[2], /^Most of the Caspian's water comes from one river/);
  assert.deepEqual(blocks.slice(3).map((b) => b.slice(0, 20)), ['• warmer summers, wh', '• less snow and rain', '• water taken from t']);
  assert.match(html, /<a href="https:\/\/en\.wikipedia\.org\/wiki\/Caspian_Sea">Wikipedia's Caspian Sea page<\/a>/);
  assert.match(html, /<h2>Why the water is falling<\/h2>/);
  assert.match(html, /<ul><li>warmer summers, which raise evaporation from the shallow northern shelf;<\/li><li>/);
  await page.context().close();
});
