// The first picture's font atlas kept for the next visit (web/widget/atlas-cache.js,
// src/ui/AtlasCache.h): a returning reader's widget restores it instead of
// rasterising and draws the same pixels; an entry built from other glyphs, at
// another pixel ratio or from another face is not restored; a damaged entry is
// ignored (the atlas rasterised again, and kept again).
// Service workers are blocked here so page.route() sees every request; the
// entries live in Cache Storage either way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, settledFrames, startServer, waitForEvent, watchedPage } from './harness.mjs';
import { decodePng, inkRatio } from './png.mjs';

const CACHE = 'article-widget-atlas';
let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await startServer();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const newReader = () => browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, serviceWorkers: 'block' });

// One visit in a reader's profile: the settled picture, how many atlases were restored, the console's errors.
async function visit(context, { dpr, route } = {}) {
  const page = await watchedPage(context);
  if (dpr) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: dpr, mobile: false });
  }
  if (route) await route(page);
  await page.goto(server.url);
  await waitForEvent(page, 'ready');
  await settledFrames(page);
  await page.evaluate(() => document.querySelector('article-widget').runtime.atlasKept);
  // The part of the widget in the view: below it the band's extent depends on when it was last extended.
  const clip = await page.evaluate(() => {
    const r = document.querySelector('article-widget').getBoundingClientRect();
    const top = Math.max(0, r.top), bottom = Math.min(innerHeight, r.bottom);
    return { x: r.left, y: top, width: r.width, height: bottom - top };
  });
  const png = decodePng(await page.screenshot({ clip }));
  const restores = await page.evaluate(() => document.querySelector('article-widget').runtime.module._aw_atlas_restores());
  return { page, png, restores, errors: page.consoleErrors };
}

// The entries kept, as [url, bytes], once there are at least `count` of them.
async function kept(page, count = 1) {
  await page.waitForFunction(async ([name, n]) => (await (await caches.open(name)).keys()).length >= n, [CACHE, count], { polling: 100 });
  return page.evaluate(async (name) => {
    const cache = await caches.open(name);
    const out = [];
    for (const r of await cache.keys()) out.push([r.url, [...new Uint8Array(await (await cache.match(r)).arrayBuffer())]]);
    return out;
  }, CACHE);
}

const putEntry = (page, url, bytes) => page.evaluate(async ([name, u, b]) => {
  await (await caches.open(name)).put(u, new Response(new Uint8Array(b)));
}, [CACHE, url, bytes]);

function samePixels(a, b, what) {
  assert.equal(`${a.width}x${a.height}`, `${b.width}x${b.height}`, `${what}: same size`);
  assert.ok(inkRatio(a) > 0.005, `${what}: the article is drawn`);
  assert.ok(a.data.equals(b.data), `${what}: the same pixels`);
}

test('a returning reader restores the first picture\'s atlas and draws the same pixels', async () => {
  const context = await newReader();
  try {
    const cold = await visit(context);
    assert.equal(cold.restores, 0, 'a new reader has nothing to restore');
    const [[url, bytes]] = await kept(cold.page);
    assert.match(url, /article-widget-atlas\?dpr=1&src=/);
    assert.ok(bytes.length > 10000, `an atlas is kept (${bytes.length} bytes)`);
    await cold.page.close();

    const warm = await visit(context);
    assert.equal(warm.restores, 1, 'the returning reader\'s first picture restored the kept atlas');
    samePixels(warm.png, cold.png, 'restored against rasterised');
    assert.deepEqual(warm.errors, []);
  } finally {
    await context.close();
  }
});

test('an atlas of other glyphs, another pixel ratio or another face is not restored', async () => {
  const context = await newReader();
  try {
    const cold = await visit(context);
    const [[url, bytes]] = await kept(cold.page);

    // Other glyphs: the same article with letters its headline did not have.
    const otherGlyphs = await visit(context, {
      route: (page) => page.route('**/articles/stoltenberg-baku.json', async (r) => {
        const doc = await (await r.fetch()).json();
        doc.headline += ' (Qjz Xvq)';
        await r.fulfill({ json: doc });
      }),
    });
    assert.equal(otherGlyphs.restores, 0, 'other glyphs: rasterised');
    assert.deepEqual(otherGlyphs.errors, []);

    // Another pixel ratio: even an entry put where a ratio of 2 looks is refused.
    await putEntry(cold.page, url.replace('dpr=1', 'dpr=2'), bytes);
    const otherRatio = await visit(context, { dpr: 2 });
    assert.equal(otherRatio.restores, 0, 'another pixel ratio: rasterised');
    assert.deepEqual(otherRatio.errors, []);

    // Another face: the body face's file answered with the sans face's bytes.
    await putEntry(cold.page, url, bytes); // the first visit's entry back in place
    const otherFace = await visit(context, {
      route: async (page) => {
        const sans = await page.context().request.get(await fontUrl(cold.page, 'sans-regular'));
        const body = await sans.body();
        await page.route(/\/fonts\/serif-regular[^/]*\.ttf$/, (r) => r.fulfill({ body, contentType: 'font/ttf' }));
      },
    });
    assert.equal(otherFace.restores, 0, 'another face: rasterised');
    assert.deepEqual(otherFace.errors, []);

    // And the unchanged page still restores it (the misses above were the changes, not the cache).
    await putEntry(cold.page, url, bytes);
    assert.equal((await visit(context)).restores, 1);
  } finally {
    await context.close();
  }
});

// The URL the widget loaded a face from (file names carry content hashes).
const fontUrl = (page, face) => page.evaluate((f) => performance.getEntriesByType('resource')
  .map((e) => e.name).find((n) => new RegExp(`/fonts/${f}[^/]*\\.ttf$`).test(n)), face);

test('a damaged atlas entry is ignored: the atlas is rasterised, drawn the same and kept again', async () => {
  const context = await newReader();
  try {
    const cold = await visit(context);
    const [[url, bytes]] = await kept(cold.page);
    const damaged = [
      ['a flipped byte in the pixels', bytes.map((b, i) => (i === bytes.length - 100 ? b ^ 0x40 : b))],
      ['cut short', bytes.slice(0, bytes.length >> 1)],
      ['not an atlas', [...Buffer.from('<html>not found</html>')]],
      ['empty', []],
    ];
    for (const [what, entry] of damaged) {
      await putEntry(cold.page, url, entry);
      const again = await visit(context);
      assert.equal(again.restores, 0, `${what}: not restored`);
      assert.deepEqual(again.errors, [], `${what}: no errors`);
      samePixels(again.png, cold.png, what);
      await again.page.close();
    }
    // The last visit rasterised it and kept it again, whole: the next one restores it.
    await kept(cold.page);
    await cold.page.waitForFunction(async ([name, u, n]) => {
      const hit = await (await caches.open(name)).match(u);
      return hit && (await hit.arrayBuffer()).byteLength === n;
    }, [CACHE, url, bytes.length], { polling: 100 });
    assert.equal((await visit(context)).restores, 1);
  } finally {
    await context.close();
  }
});
