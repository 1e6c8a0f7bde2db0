// The reader's language (issue 18): where it comes from, what it changes (words,
// counts, dates, the server's refusals), and the faces of Georgian and
// Armenian, fetched only for content that has their letters.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { inkIn, launchBrowser, openPage, repo, settledFrames, startServer, waitForEvent } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const defaultArticle = JSON.parse(readFileSync(join(repo, 'assets/articles/stoltenberg-baku.json'), 'utf8'));
const { inLanguage, ...withoutLanguage } = defaultArticle; // an article that names no language

// A page of the site with one widget (its attributes given) and <html lang>; `requests` collects every URL asked for.
async function widgetPage(attributes, { htmlLang = 'en', requests = [], width = 1280, timezoneId, routes } = {}) {
  const html = `<!doctype html><html lang="${htmlLang}"><head><meta charset="utf-8">
    <script type="module" src="widget/article-widget.js"></script></head>
    <body><article-widget ${attributes}></article-widget></body></html>`;
  const page = await openPage(browser, `${server.url}lang-test.html`, {
    width, timezoneId,
    before: async (p) => {
      p.on('request', (r) => requests.push(r.url()));
      await p.route('**/lang-test.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await p.route('**/articles/no-language.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(withoutLanguage) }));
      if (routes) await routes(p);
    },
  });
  await waitForEvent(page, 'ready');
  return page;
}

test('the UI language comes from the lang attribute, then the article, then the page, then English', async () => {
  const cases = [
    ['lang="ru" src="articles/stoltenberg-baku.az.json"', 'az', 'Оставьте отзыв'], // the attribute first
    ['src="articles/stoltenberg-baku.az.json"', 'ru', 'Rəy bildirin'],               // then the article's inLanguage
    ['src="articles/no-language.json"', 'ru', 'Оставьте отзыв'],                     // then <html lang>
    ['src="articles/no-language.json"', 'fr', 'Leave a review'],                     // then English (no French catalog)
    ['lang="ka" src="articles/stoltenberg-baku.az.json"', 'en', 'Rəy bildirin'],     // a language without a catalog is passed over
  ];
  for (const [attributes, htmlLang, heading] of cases) {
    const page = await widgetPage(attributes, { htmlLang });
    assert.equal(await page.getByRole('form', { name: heading }).count(), 1, `${attributes}, <html lang="${htmlLang}">`);
    await page.context().close();
  }
});

test('the widget speaks the language everywhere: lang on its mirrors, the button, the status, a language change', async () => {
  const page = await widgetPage('src="articles/stoltenberg-baku.ru.json"');
  const widget = page.locator('article-widget');
  assert.equal(await widget.locator('.controls').getAttribute('lang'), 'ru');
  assert.equal(await widget.locator('.text-layer').getAttribute('lang'), 'ru');
  assert.equal(await widget.getByRole('button', { name: 'Отправить отзыв' }).count(), 1);
  assert.equal(await widget.getByRole('textbox', { name: 'Ваше имя' }).count(), 1);
  // The lang attribute wins over the article's, at once.
  await page.evaluate(() => document.querySelector('article-widget').setAttribute('lang', 'az'));
  await widget.getByRole('button', { name: 'Rəyi göndər' }).waitFor();
  assert.equal(await widget.locator('.controls').getAttribute('lang'), 'az');
  await page.context().close();
});

test('counts take the language\'s plural forms; dates and times of day are written its way', async () => {
  const page = await widgetPage('src="articles/stoltenberg-baku.ru.json" feed="news-line.ru.json"', {
    routes: (p) => p.clock.setFixedTime(new Date('2024-03-26T12:00:00+04:00')),
  });
  const widget = page.locator('article-widget');
  const body = widget.locator('textarea[name="body"]');
  const counter = async (n) => {
    await body.fill('а'.repeat(2000 - n));
    await page.waitForFunction(([want]) => document.querySelector('article-widget').shadowRoot
      .querySelector('textarea[name="body"] + .message')?.textContent.includes(want), [`${n} символ`]);
    return (await widget.locator('textarea[name="body"] + .message').textContent()).trim();
  };
  assert.equal(await counter(1), 'остался 1 символ');
  assert.equal(await counter(3), 'осталось 3 символа');
  assert.equal(await counter(5), 'осталось 5 символов');
  const meta = (await widget.locator('.text-layer p.meta').textContent()).trim();
  assert.match(meta, /17 марта 2024 г\./);
  // The News Line: this morning's item by its time of day, older ones by their day.
  const news = widget.getByRole('region', { name: 'Лента новостей' });
  await news.getByRole('link').first().waitFor();
  const labels = await news.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
  // In the reader's time zone (the browser's), 24-hour as Russian writes it.
  const time = await page.evaluate(() => new Intl.DateTimeFormat('ru', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date('2024-03-26T09:40:00+04:00')));
  assert.equal(labels[0], `${time}: Горные дороги на севере вновь открыты после зимнего закрытия`);
  assert.match(labels[1], /^22 мар\.: Каспийские паромы/);
  await page.context().close();

  const az = await widgetPage('src="articles/stoltenberg-baku.az.json"');
  assert.match((await az.locator('article-widget').locator('.text-layer p.meta').textContent()).trim(), /17 mart 2024/);
  await az.context().close();
});

test('English dates and times the British way, each time of day in the zone of its own moment', async () => {
  // London went to summer time at 01:00 UTC on 31 March 2024: one item of that day before the
  // change, one after, read at noon. An offset taken from "now" would put the first an hour late.
  const feed = {
    version: 'https://jsonfeed.org/version/1.1', title: 'News Line', items: [
      { id: 'after', url: 'https://herald.example.com/after', title: 'Morning ferry sails on time', date_published: '2024-03-31T09:40:00Z' },
      { id: 'before', url: 'https://herald.example.com/before', title: 'Night trains run late', date_published: '2024-03-31T00:30:00Z' },
      { id: 'older', url: 'https://herald.example.com/older', title: 'Markets fill up ahead of Novruz', date_published: '2024-03-19T16:05:00Z' },
    ],
  };
  const page = await widgetPage('src="articles/stoltenberg-baku.json" feed="lang-feed.json"', {
    timezoneId: 'Europe/London',
    routes: async (p) => {
      await p.clock.setFixedTime(new Date('2024-03-31T12:00:00Z'));
      await p.route('**/lang-feed.json', (route) => route.fulfill({ contentType: 'application/feed+json', body: JSON.stringify(feed) }));
    },
  });
  const widget = page.locator('article-widget');
  assert.match((await widget.locator('.text-layer p.meta').textContent()).trim(), /17 March 2024/);
  const news = widget.getByRole('region', { name: 'News Line' });
  await news.getByRole('link').first().waitFor();
  const labels = await news.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
  assert.deepEqual(labels.slice(0, 3), ['10:40: Morning ferry sails on time', '00:30: Night trains run late', '19 Mar: Markets fill up ahead of Novruz']);
  await page.context().close();
});

test('a review the server refuses is explained in the reader\'s language, from the code in its answer', async () => {
  const page = await widgetPage('reviews="api/reviews" src="articles/stoltenberg-baku.ru.json"', {
    routes: (p) => p.route('**/api/reviews', (route) => route.request().method() === 'POST'
      ? route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({
        error: 'Your review needs at least 3 characters.', field: 'reviewBody', code: 'body.too-short',
        errors: [{ field: 'reviewBody', code: 'body.too-short', message: 'Your review needs at least 3 characters.' }] }) })
      : route.continue()),
  });
  const widget = page.locator('article-widget');
  await widget.getByRole('textbox', { name: 'Ваше имя' }).fill('Анна');
  await widget.getByRole('radio').nth(3).check();
  await widget.getByRole('textbox', { name: 'Ваш отзыв' }).fill('Ясно и полезно.');
  await widget.getByRole('button', { name: 'Отправить отзыв' }).click();
  const notice = widget.locator('p.notice').first();
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('p.notice')?.textContent.includes('не принят'));
  assert.equal((await notice.textContent()).trim(),
    'Отзыв не принят: В отзыве должно быть не меньше 3 символов. Ваш текст возвращён в форму для правки.');
  await page.context().close();
});

test('a Latin article draws with no script face and fetches no catalog it does not speak; a Russian one the Cyrillic faces, once each', async () => {
  const cyrillic = ['cyrillic-sans-bold', 'cyrillic-sans-regular', 'cyrillic-serif-bold', 'cyrillic-serif-regular'];
  for (const [src, catalogs, faces] of [['articles/stoltenberg-baku.json', [], ['cyrillic-sans-regular']], ['articles/stoltenberg-baku.ru.json', ['ru'], cyrillic]]) {
    const requests = [], warnings = [];
    const page = await widgetPage(`src="${src}" feed="news-line.json"`, {
      requests, routes: (p) => p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); }) });
    await settledFrames(page);
    assert.deepEqual(warnings.filter((w) => /no glyphs/.test(w)), [], `${src}: every letter drawn`);
    const scriptFaces = requests.filter((u) => u.includes('/fonts/scripts/')).map((u) => u.match(/scripts\/([a-z-]+)\./)[1]);
    assert.deepEqual(scriptFaces.sort(), faces, src);
    if (catalogs.length === 0) {
      // The Latin article's only one is the form's Cyrillic, for a reader who may type Russian: asked
      // for once the page is idle after its first picture, which never waited for it.
      const after = await page.evaluate(() => {
        const drawn = performance.getEntriesByName('aw:first-frame')[0].startTime;
        return performance.getEntriesByType('resource').filter((r) => r.name.includes('/fonts/scripts/')).every((r) => r.startTime > drawn);
      });
      assert.ok(after, 'the form\'s Cyrillic face is fetched after the first picture');
    }
    assert.deepEqual(requests.filter((u) => u.includes('/locales/')).map((u) => u.match(/locales\/(\w+)\./)[1]), catalogs, src);
    await page.context().close();
  }
});

// The ink of a word of the text layer where it is drawn.
async function wordInk(page, word) {
  const rect = await page.evaluate((w) => {
    const layer = document.querySelector('article-widget').shadowRoot.querySelector('.text-layer');
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, word);
  assert.ok(rect, `${word} in the text layer`);
  return inkIn(page, rect);
}

test('Georgian and Armenian are drawn with their faces, not as U+FFFD, and only such content fetches them', async () => {
  const words = ['საქართველო', 'Հայաստան'];
  const requests = [], warnings = [];
  const page = await widgetPage('src="articles/caucasus-scripts.json"', { requests });
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await settledFrames(page);
  assert.ok(requests.some((u) => u.includes('/fonts/scripts/georgian-')), 'the Georgian faces were fetched');
  assert.ok(requests.some((u) => u.includes('/fonts/scripts/armenian-')), 'the Armenian faces were fetched');
  const drawn = [];
  for (const w of words) drawn.push(await wordInk(page, w));
  assert.deepEqual(warnings.filter((w) => /no glyphs/.test(w)), []);
  await page.context().close();

  // The same words without their faces: each letter is the replacement character's dark diamond.
  const blocked = await widgetPage('src="articles/caucasus-scripts.json"', {
    routes: (p) => p.route('**/fonts/scripts/**', (route) => route.abort()),
  });
  await settledFrames(blocked);
  for (let i = 0; i < words.length; i++) {
    const replaced = await wordInk(blocked, words[i]);
    assert.ok(drawn[i] > 0.03, `${words[i]} is inked (${drawn[i]})`);
    assert.ok(drawn[i] < replaced * 0.7, `${words[i]}: its letters (${drawn[i].toFixed(3)}) are not U+FFFD's diamonds (${replaced.toFixed(3)})`);
  }
  await blocked.context().close();
});
