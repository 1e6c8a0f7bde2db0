// Embedding: two widgets on one page (embed.html) among the page's own content,
// each with its own article, sharing one download of the program and the fonts;
// the host's theme attribute and CSS custom properties reach the drawn canvas;
// the page scrolls the widgets (no inner scrollbar); the stable entry loads the
// content-hashed build.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decodePng } from './png.mjs';
import { launchBrowser, openPage, settledFrames, startServer } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// Both widgets fire ready (events bubble to window with the src in detail).
function waitForBothReady(page) {
  return page.waitForFunction(() => {
    const srcs = window.__widgetEvents.filter((e) => e.type === 'ready').map((e) => e.detail.src);
    return srcs.includes('articles/baku-book-fair.json') && srcs.includes('articles/caspian-ferry-sailings.json');
  }, null, { timeout: 30000 });
}

const headline = (page, id) => page.evaluate((i) =>
  document.getElementById(i).shadowRoot.querySelector('.text-layer h1')?.textContent.trim().replace(/\s+/g, ' '), id);

// The colour of one page pixel, as [r, g, b].
async function pixel(page, x, y) {
  const png = decodePng(await page.screenshot({ clip: { x, y, width: 1, height: 1 } }));
  return [...png.data.slice(0, 3)];
}

test('two widgets on one page: each its own article, one download of wasm and fonts', async () => {
  const requests = [];
  const page = await openPage(browser, `${server.url}embed.html`, {
    before: (p) => p.on('request', (r) => requests.push(new URL(r.url()).pathname)),
  });
  await waitForBothReady(page);
  assert.equal(await headline(page, 'culture'), 'Baku book fair opens with a focus on translation');
  assert.equal(await headline(page, 'economy'), 'Caspian ferries add sailings as Middle Corridor freight grows');

  const count = (re) => requests.filter((p) => re.test(p)).length;
  assert.equal(count(/\/widget\/aw\.[0-9a-f]{8}\.wasm$/), 1, 'the wasm is downloaded once');
  assert.equal(count(/\/widget\/article-widget\.[0-9a-f]{8}\.js$/), 1, 'the program (one bundle, glue included) is downloaded once');
  const fonts = requests.filter((p) => /\/widget\/fonts\/[a-z0-9-]+\.[0-9a-f]{8}\.ttf$/.test(p));
  assert.ok(fonts.length >= 4, `the fonts are loaded (${fonts.join(', ')})`);
  assert.equal(new Set(fonts).size, fonts.length, `each font is downloaded once (${fonts.join(', ')})`);
  assert.equal(count(/\/widget\/(aw|runtime)(\.[0-9a-f]{8})?\.js$|\.wasm$/) - count(/\.[0-9a-f]{8}\.wasm$/), 0, 'only the bundle and the hashed wasm are loaded');
  assert.ok(requests.includes('/widget/article-widget.js'), 'the page embeds the stable entry');
  assert.ok(requests.some((p) => /^\/widget\/article-widget\.[0-9a-f]{8}\.js$/.test(p)), 'which loads the hashed build');

  // One runtime for the page, a state and a canvas for each widget.
  const instances = await page.evaluate(() => {
    const [a, b] = document.querySelectorAll('article-widget');
    return {
      sharedRuntime: a.runtime === b.runtime,
      states: a.runtime.module._aw_widget_count(),
      canvases: a.shadowRoot.querySelector('canvas') !== b.shadowRoot.querySelector('canvas'),
    };
  });
  assert.deepEqual(instances, { sharedRuntime: true, states: 2, canvases: true });

  // Independent: changing one article leaves the other alone.
  await page.evaluate(() => { window.__widgetEvents.length = 0; document.getElementById('culture').setAttribute('src', 'articles/guba-orchards-spring.json'); });
  await page.waitForFunction(() => window.__widgetEvents.some((e) => e.type === 'ready' && e.detail.src === 'articles/guba-orchards-spring.json'));
  assert.equal(await headline(page, 'culture'), "Mild March lets Guba's orchard growers start the season early");
  assert.equal(await headline(page, 'economy'), 'Caspian ferries add sailings as Middle Corridor freight grows');
  assert.deepEqual(page.consoleErrors.filter((e) => !/favicon/.test(e)), []);
  await page.context().close();
});

test('the widgets are page content: as tall as their content, no inner scrollbar, the page scrolls', async () => {
  const page = await openPage(browser, `${server.url}embed.html`);
  await waitForBothReady(page);
  const sizes = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => {
    const spans = w.shadowRoot.querySelectorAll('.text-layer span');
    return { height: w.getBoundingClientRect().height, inner: w.scrollHeight - w.clientHeight, lastText: spans[spans.length - 1].getBoundingClientRect().bottom - w.getBoundingClientRect().top };
  }));
  for (const s of sizes) {
    assert.equal(s.inner, 0, 'no inner scrollbar');
    assert.ok(s.height >= s.lastText, `the widget holds all its text (${s.height} >= ${s.lastText})`);
  }
  // The wheel over a widget scrolls the page (no scroll trapping).
  const box = await page.evaluate(() => document.getElementById('culture').getBoundingClientRect().toJSON());
  await page.mouse.move(box.x + box.width / 2, Math.min(box.y + 200, 800));
  await page.mouse.wheel(0, 700);
  await page.waitForFunction(() => window.scrollY >= 600);
  await page.context().close();
});

test('theme attribute, prefers-color-scheme and the host colours reach the canvas', async () => {
  const page = await openPage(browser, `${server.url}embed.html`);
  await waitForBothReady(page);
  await page.evaluate(() => document.getElementById('economy').scrollIntoView({ block: 'start' }));
  await settledFrames(page, '#economy');
  // The dark widget is restyled by the page: --aw-background: #10302a. A pixel in its left margin, drawn by the canvas:
  const dark = await page.evaluate(() => {
    const w = document.getElementById('economy');
    const c = w.shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: c.x + 6, y: c.y + Math.min(c.height - 10, 200) };
  });
  assert.deepEqual(await pixel(page, dark.x, dark.y), [0x10, 0x30, 0x2a]);

  // The light one: white canvas; with prefers-color-scheme: dark (theme auto) it turns dark.
  await page.evaluate(() => document.getElementById('culture').scrollIntoView({ block: 'start' }));
  await settledFrames(page, '#culture');
  const light = await page.evaluate(() => {
    const c = document.getElementById('culture').shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: c.x + 6, y: c.y + 200 };
  });
  assert.deepEqual(await pixel(page, light.x, light.y), [0xff, 0xff, 0xff]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await settledFrames(page, '#culture');
  assert.deepEqual(await pixel(page, light.x, light.y), [0x16, 0x17, 0x19]);
  // theme="light" wins over the reader's preference.
  await page.evaluate(() => document.getElementById('culture').setAttribute('theme', 'light'));
  await settledFrames(page, '#culture');
  assert.deepEqual(await pixel(page, light.x, light.y), [0xff, 0xff, 0xff]);
  // A host colour set later is read when the theme is applied again.
  await page.evaluate(() => {
    const w = document.getElementById('culture');
    w.style.setProperty('--aw-background', 'rgb(250, 244, 230)');
    w.setAttribute('theme', 'auto');
  });
  await settledFrames(page, '#culture');
  assert.deepEqual(await pixel(page, light.x, light.y), [250, 244, 230]);
  await page.context().close();
});
