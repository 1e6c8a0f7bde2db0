// "Leave a review" as a reader uses it: click, type, pick stars, send; and the
// review arrives in the server's SQLite exactly once whatever the network does.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { decodePng } from './png.mjs';
import { frameCount, inkIn, launchBrowser, nextFrames, openPage, selectionRect, settledFrames, settledScroll, startServer, waitForEvent } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(['--rate-limit', '0']); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const widget = (page) => page.locator('article-widget');

function storedReviews(body) {
  const out = execFileSync('sqlite3', [join(server.dataDir, 'reviews.db'), `SELECT count(*) FROM reviews WHERE body = '${body.replace(/'/g, "''")}'`]);
  return Number(String(out).trim());
}

async function fillForm(page, { name, stars, body }) {
  const w = widget(page);
  await w.locator('input[name=name]').click();
  await page.keyboard.type(name);
  await w.locator(`input[type=radio][value="${stars}"]`).click({ force: true });
  await w.locator('textarea[name=body]').click();
  await page.keyboard.type(body);
}

const notice = (page) => widget(page).locator('[role=status].notice');

// Counts the reviews the page sends (window.__posts), at the moment it sends
// them: a check that nothing more was sent needs no waiting for the network.
const countPosts = (page) => page.addInitScript(() => {
  window.__posts = 0;
  const send = window.fetch;
  window.fetch = (input, init) => {
    if (init?.method === 'POST') window.__posts++;
    return send(input, init);
  };
});

test('letters readers type in other scripts are drawn, not replaced by "?"', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const name = widget(page).locator('input[name=name]');
  await name.scrollIntoViewIfNeeded();
  // Only non-ASCII letters: were their glyphs missing, each would be drawn as "?".
  const drawn = async (text) => {
    await name.fill('');
    await name.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Tab'); // no caret in the picture
    await settledFrames(page);
    return (await page.screenshot({ clip: await name.boundingBox() })).toString('base64');
  };
  const letters = await drawn('ЖаннаƏə');
  const questionMarks = await drawn('???????');
  assert.notEqual(letters, questionMarks);
  await page.context().close();
});

test('a reader fills in the form, sends, and sees the review stored and listed', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const body = `Balanced and informative ${Date.now()}`;
  await fillForm(page, { name: 'Leyla Əliyeva', stars: 4, body });
  // The counter follows the typing.
  await assert.doesNotReject(page.waitForFunction((n) => document.querySelector('article-widget').shadowRoot
    .querySelector('textarea[name=body]').getAttribute('aria-describedby') && document.querySelector('article-widget').shadowRoot
    .getElementById(document.querySelector('article-widget').shadowRoot.querySelector('textarea[name=body]').getAttribute('aria-describedby')).textContent === `${2000 - n} characters left`, body.length));
  await widget(page).locator('button[type=submit]').click();
  const submitted = await waitForEvent(page, 'review-submitted');
  assert.equal(submitted.status, 201);
  await page.waitForFunction(() => /sent/.test(document.querySelector('article-widget').shadowRoot.querySelector('[role=status].notice').textContent));
  assert.equal(storedReviews(body), 1);
  // The form is empty again and the review is in the list.
  assert.equal(await widget(page).locator('input[name=name]').inputValue(), '');
  assert.match(await widget(page).locator('section article').first().textContent(), new RegExp(`^Leyla Əliyeva \\d+ \\w+ \\d{4} 4 stars of 5\\. ${body}`));
  // Find in page lands on the drawn review, not on an empty box.
  assert.equal(await page.evaluate((t) => window.find(t), body.slice(0, 24)), true);
  await settledFrames(page); // scrolled to the match: drawn a frame later
  const hit = await selectionRect(page);
  assert.ok(await inkIn(page, hit) > 0.06, `drawn text under the match (${JSON.stringify(hit)})`);
  // Scrolling redraws the list but sends its mirror (every review's lines) no more.
  await page.evaluate(() => {
    const w = document.querySelector('article-widget');
    const onMessage = w.onMessage.bind(w);
    window.__lists = 0;
    w.onMessage = (type, payload) => { if (type === 'list') window.__lists++; onMessage(type, payload); };
  });
  const frames = await frameCount(page);
  // Far enough (three steps of 600 px up and back) that the canvas's band is drawn again on the way.
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, i < 3 ? -600 : 600); await nextFrames(page); }
  await settledScroll(page);
  await page.waitForFunction((n) => document.querySelector('article-widget').frameCount > n, frames);
  assert.equal(await page.evaluate(() => window.__lists), 0, 'no list mirror sent while scrolling');
  await page.setViewportSize({ width: 700, height: 900 }); // a new column width: the mirror follows
  await page.waitForFunction(() => window.__lists > 0);
  // A reload shows it from the server.
  await page.reload();
  await waitForEvent(page, 'ready');
  await page.waitForFunction((b) => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('section article')].some((a) => a.textContent.includes(b)), body);
  await page.context().close();
});

test('Tab from the review text to "Send review" moves the drawn focus with it', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const w = widget(page);
  // Share of pixels in the focus ring's blue within a page rectangle.
  const focusBlue = async (clip) => {
    const png = decodePng(await page.screenshot({ clip }));
    let blue = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 2] > 150 && png.data[i + 2] - png.data[i] > 80) blue++;
    return blue / (png.width * png.height);
  };
  const topEdge = async (selector, out) => {
    const b = await w.locator(selector).boundingBox(); // after any scroll focus caused
    return { x: b.x + 10 - out, y: b.y - out, width: b.width - 20 + 2 * out, height: 3 };
  };
  await w.locator('textarea[name=body]').focus();
  await nextFrames(page);
  // Every control has the same focus ring, just outside its box.
  assert.ok(await focusBlue(await topEdge('textarea[name=body]', 4)) > 0.3, 'the review field is drawn focused');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.activeElement?.type === 'submit');
  await settledFrames(page); // past the deferred caret report of the key that left the field, and drawn
  assert.ok(await focusBlue(await topEdge('button[type=submit]', 4)) > 0.1, 'the button is drawn focused');
  assert.ok(await focusBlue(await topEdge('textarea[name=body]', 4)) < 0.05, 'the review field is no longer drawn focused');
  await page.context().close();
});

test('each validation message, and focus goes to the first invalid field', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const w = widget(page);
  // Tabbing through the empty form, on the way to the buttons below it, shows no errors.
  await w.locator('input[name=name]').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await nextFrames(page);
  for (const field of ['input[name=name]', 'input[name=email]', 'fieldset', 'textarea[name=body]'])
    assert.equal(await w.locator(field).getAttribute('aria-invalid'), 'false', `${field} after tabbing past it`);
  await w.locator('button[type=submit]').click();
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.activeElement?.name === 'name');
  const message = (field) => page.evaluate((f) => {
    const root = document.querySelector('article-widget').shadowRoot;
    const el = f === 'rating' ? root.querySelector('fieldset') : root.querySelector(`[name=${f}]`);
    return { invalid: el.getAttribute('aria-invalid'), text: root.getElementById(el.getAttribute('aria-describedby')).textContent };
  }, field);
  assert.deepEqual(await message('name'), { invalid: 'true', text: 'Please enter your name.' });
  assert.match((await message('rating')).text, /rating/i);
  assert.match((await message('body')).text, /^Please write your review\./);
  assert.equal((await message('email')).invalid, 'false');

  // Leaving a field shows its message; fixing it removes it.
  await w.locator('input[name=email]').click();
  await page.keyboard.type('not-an-email');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('[name=email]').getAttribute('aria-invalid') === 'true');
  assert.match((await message('email')).text, /email/i);
  await w.locator('input[name=email]').fill('');
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('[name=email]').getAttribute('aria-invalid') === 'false');

  // Too short a review, and the stars with the keyboard.
  await w.locator('input[name=name]').fill('Rauf');
  await w.locator('input[type=radio][value="1"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await w.locator('textarea[name=body]').fill('ok');
  await w.locator('button[type=submit]').click();
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.activeElement?.name === 'body');
  assert.match((await message('body')).text, /at least 3 characters/);
  assert.equal((await message('rating')).invalid, 'false', 'arrow keys chose a rating');
  await page.context().close();
});

test('the draft survives a reload and is cleared once sent', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  await fillForm(page, { name: 'Draft Writer', stars: 3, body: 'Half of my thoughts' });
  await page.reload();
  await waitForEvent(page, 'ready');
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('textarea[name=body]')?.value === 'Half of my thoughts');
  assert.equal(await widget(page).locator('input[name=name]').inputValue(), 'Draft Writer');
  assert.equal(await widget(page).locator('input[type=radio][value="3"]').isChecked(), true);
  await widget(page).locator('button[type=submit]').click();
  await waitForEvent(page, 'review-submitted');
  await page.reload();
  await waitForEvent(page, 'ready');
  await widget(page).locator('textarea[name=body]').waitFor(); // its first value, a restored draft's or none, comes with it
  assert.equal(await widget(page).locator('textarea[name=body]').inputValue(), '');
  await page.context().close();
});

test('offline: the review survives a reload and arrives exactly once after going online', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const body = `Written on a train ${Date.now()}`;
  await fillForm(page, { name: 'Offline Reader', stars: 5, body });
  await page.context().setOffline(true);
  await widget(page).locator('button[type=submit]').click();
  await page.waitForFunction(() => /offline/.test(document.querySelector('article-widget').shadowRoot.querySelector('[role=status].notice').textContent));
  assert.match(await widget(page).locator('section article').first().textContent(), /waiting to be sent/);
  assert.equal(storedReviews(body), 0);
  // The page comes back but the review service stays unreachable: reload keeps it waiting.
  await page.context().route('**/api/reviews', (route) => route.abort('internetdisconnected'));
  await page.context().setOffline(false);
  await page.reload();
  await waitForEvent(page, 'ready');
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('section article')?.textContent.includes('waiting to be sent'));
  assert.equal(storedReviews(body), 0);
  await page.context().unroute('**/api/reviews');
  await page.context().setOffline(true);
  await page.context().setOffline(false); // the 'online' event sends it now
  await page.waitForFunction(() => !document.querySelector('article-widget').shadowRoot.querySelector('section')?.textContent.includes('waiting to be sent'), null, { timeout: 15000 });
  assert.equal(storedReviews(body), 1);
  // Nothing is sent twice, even after more reloads and online events.
  await countPosts(page);
  await page.reload();
  await waitForEvent(page, 'ready');
  await page.evaluate(() => { window.__onlines = 0; addEventListener('online', () => window.__onlines++); }); // after the widget's listener
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  await page.waitForFunction(() => window.__onlines > 0); // the widget has handled it: anything it sends is sent by now
  assert.equal(await page.evaluate(() => window.__posts), 0);
  assert.equal(storedReviews(body), 1);
  await page.context().close();
});

test('a server answering 500 and then recovering gets the review once', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  let failures = 2;
  await page.context().route('**/api/reviews', (route) => {
    if (route.request().method() === 'POST' && failures > 0) {
      failures--;
      return route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"database is busy"}' });
    }
    return route.continue();
  });
  const body = `Patience pays ${Date.now()}`;
  await fillForm(page, { name: 'Patient Reader', stars: 2, body });
  await widget(page).locator('button[type=submit]').click();
  await page.waitForFunction(() => /not answering/.test(document.querySelector('article-widget').shadowRoot.querySelector('[role=status].notice').textContent));
  const sent = await waitForEvent(page, 'review-submitted', 30000); // retries after 2 s, then 4 s
  assert.equal(sent.status, 201);
  assert.equal(failures, 0);
  assert.equal(storedReviews(body), 1);
  await page.context().close();
});

test('a refused review shows the server message and keeps the text for editing', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  await page.context().route('**/api/reviews', (route) => route.request().method() === 'POST'
    ? route.fulfill({ status: 422, contentType: 'application/json', body: '{"error":"Links are not allowed in reviews.","field":"reviewBody"}' })
    : route.continue());
  await fillForm(page, { name: 'Linker', stars: 3, body: 'See my site example.com' });
  await widget(page).locator('button[type=submit]').click();
  await page.waitForFunction(() => /Links are not allowed/.test(document.querySelector('article-widget').shadowRoot.querySelector('[role=status].notice').textContent));
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('textarea[name=body]').value === 'See my site example.com');
  await page.context().close();
});

test('a double click sends one review', async () => {
  const page = await openPage(browser, server.url, { before: countPosts });
  await waitForEvent(page, 'ready');
  // The answer comes late, as from a slow network: the second click lands while the first is on its way.
  let answer;
  const answered = new Promise((r) => { answer = r; });
  await page.context().route('**/api/reviews', async (route) => {
    if (route.request().method() === 'POST') await answered;
    return route.continue();
  });
  const body = `Clicked twice ${Date.now()}`;
  await fillForm(page, { name: 'Quick Clicker', stars: 5, body });
  await widget(page).locator('button[type=submit]').dblclick();
  assert.equal(await page.evaluate(() => window.__posts), 1, 'both clicks handled, one review sent');
  answer();
  await waitForEvent(page, 'review-submitted');
  assert.equal(await page.evaluate(() => window.__posts), 1);
  assert.equal(storedReviews(body), 1);
  await page.context().close();
});

// The share of a rectangle of the page painted in the stars' amber.
async function amberIn(page, rect) {
  const png = decodePng(await page.screenshot({ clip: rect }));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] > 190 && png.data[i + 1] > 110 && png.data[i + 1] < 190 && png.data[i + 2] < 90) n++;
  return n / (png.width * png.height);
}

for (const dpr of [1, 2]) {
  test(`the pointer lands where it is at DPR ${dpr}: hovering the third star previews three`, async () => {
    const page = await openPage(browser, server.url, { dpr });
    await waitForEvent(page, 'ready');
    const third = widget(page).locator('input[type=radio][value="3"]');
    await third.scrollIntoViewIfNeeded();
    const box = await third.boundingBox();
    const fourth = await widget(page).locator('input[type=radio][value="4"]').boundingBox();
    const amber = (b) => amberIn(page, b);
    assert.equal(await amber(box), 0, 'no star filled before hovering');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await settledFrames(page); // the move reached ImGui and is drawn
    assert.ok(await amber(box) > 0.1, 'the hovered star is filled');
    assert.equal(await amber(fourth), 0, 'the next star is not');
    await page.context().close();
  });
}

// Scrolling moves the controls under a still pointer: the one that arrives under it shows its
// hover look, and loses it once scrolled on (the browser tells only the controls' layer).
test('a star scrolled under a still pointer previews, and stops once scrolled past', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  const third = widget(page).locator('input[type=radio][value="3"]');
  await third.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await settledScroll(page);
  const before = await third.boundingBox();
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2 - 120); // above the stars
  await settledFrames(page);
  assert.equal(await amberIn(page, before), 0, 'no star filled before it comes under the pointer');
  await page.mouse.wheel(0, 120);
  await settledScroll(page);
  await settledFrames(page);
  const under = await third.boundingBox();
  assert.ok(Math.abs(under.y + under.height / 2 - (before.y + before.height / 2 - 120)) < under.height / 2, 'the third star is under the pointer');
  assert.ok(await amberIn(page, under) > 0.1, 'the star scrolled under the pointer is filled');
  await page.mouse.wheel(0, 120);
  await settledScroll(page);
  await settledFrames(page);
  assert.equal(await amberIn(page, await third.boundingBox()), 0, 'scrolled past, it is empty again');
  await page.context().close();
});

// The caption beside the stars ("Choose from 1 to 5 stars") once ran off the
// right edge on phones: there it goes under the stars instead.
for (const [width, beside] of [[360, false], [1280, true]]) {
  test(`the rating caption stays inside the column at ${width} px: ${beside ? 'beside' : 'under'} the stars`, async () => {
    const page = await openPage(browser, server.url, { width, height: 800 });
    await waitForEvent(page, 'ready');
    const w = widget(page);
    await w.locator('input[type=radio][value="1"]').scrollIntoViewIfNeeded();
    const first = await w.locator('input[type=radio][value="1"]').boundingBox();
    const last = await w.locator('input[type=radio][value="5"]').boundingBox();
    const column = await w.locator('input[name=name]').boundingBox();
    const right = column.x + column.width;
    const besideInk = await inkIn(page, { x: last.x + last.width + 2, y: last.y + 4, width: right - (last.x + last.width + 2), height: last.height - 8 });
    const underInk = await inkIn(page, { x: first.x, y: last.y + last.height + 6, width: last.x + last.width - first.x, height: 14 });
    if (beside) {
      assert.ok(besideInk > 0.01, `the caption is beside the stars (ink ${besideInk})`);
      assert.equal(underInk, 0, 'nothing under the stars');
    } else {
      assert.ok(last.x + last.width + 160 > right, 'the caption would not fit beside the stars at this width');
      assert.equal(besideInk, 0, 'nothing beside the stars');
      assert.ok(underInk > 0.01, `the caption is under the stars (ink ${underInk})`);
    }
    await page.context().close();
  });
}

test('on a phone a long name in the list wraps inside the column, the date beside or under it', async () => {
  const page = await openPage(browser, server.url, { width: 320, height: 640, dpr: 2 });
  await waitForEvent(page, 'ready');
  const name = `Aleksandra Konstantinopolskaya-Wojciechowska ${Date.now()}`;
  const body = `Long name ${Date.now()}`;
  await fillForm(page, { name, stars: 4, body });
  await widget(page).locator('button[type=submit]').click();
  await waitForEvent(page, 'review-submitted');
  // The list's mirror is rebuilt as the review goes from waiting to sent: find the entry each time.
  const entry = `[...document.querySelector('article-widget').shadowRoot.querySelectorAll('section article')].find((a) => a.textContent.includes(${JSON.stringify(body)}))`;
  await page.waitForFunction(`${entry} && !/waiting/.test(${entry}.textContent)`);
  await page.evaluate(`${entry}.scrollIntoView({ block: 'center' })`);
  await nextFrames(page);
  const box = await page.evaluate(`(({ x, y, width, height }) => ({ x, y, width, height }))(${entry}.getBoundingClientRect())`);
  const field = await widget(page).locator('input[name=name]').boundingBox(); // spans the column
  const x = Math.ceil(field.x + field.width) + 2;
  assert.equal(await inkIn(page, { x, y: box.y, width: 320 - x, height: box.height }), 0, 'nothing right of the column');
  assert.ok(await inkIn(page, { x: box.x, y: box.y, width: x - box.x, height: box.height }) > 0.02, 'the entry is drawn');
  const lineH = 24; // 16 px text, 1.5 line height
  assert.ok(box.height >= 5 * lineH, `name on two lines, stars and the body (entry ${box.height} px tall)`);
  await page.context().close();
});

test('without a reviews attribute the review stays on the device, and the form says so', async () => {
  const page = await openPage(browser, server.url, {
    before: (p) => p.addInitScript(() => {
      // The demo page names an endpoint; this reader's page does not.
      document.addEventListener('DOMContentLoaded', () => document.querySelector('article-widget')?.removeAttribute('reviews'));
    }),
  });
  let posts = 0;
  page.on('request', (r) => { if (r.method() === 'POST') posts++; });
  await waitForEvent(page, 'ready');
  const w = widget(page);
  await page.waitForFunction(() => /kept on this device only/.test(document.querySelector('article-widget').shadowRoot.querySelector('.controls').textContent));
  await fillForm(page, { name: 'Local Reader', stars: 4, body: 'Kept here for now' });
  await w.locator('button[type=submit]').click();
  await page.waitForFunction(() => /saved on this device only/.test(document.querySelector('article-widget').shadowRoot.querySelector('[role=status].notice').textContent));
  assert.match(await w.locator('section article').first().textContent(), /^Local Reader .*4 stars of 5\./);
  await page.reload();
  await waitForEvent(page, 'ready');
  await page.waitForFunction(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('section article')].some((a) => /Kept here for now/.test(a.textContent)));
  assert.equal(posts, 0, 'nothing was sent anywhere');
  await page.context().close();
});
