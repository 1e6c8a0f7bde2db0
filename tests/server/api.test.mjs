// POST /api/reviews and GET /api/reviews against the real server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listReviews, makeReview, postReview, startServer, tempDir } from './helpers.mjs';

test('a valid review is stored (201), published, and listed without the email', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const review = makeReview({ itemReviewed: 'article-1' });
  const posted = await postReview(base, review);
  assert.equal(posted.status, 201, posted.text);
  assert.equal(posted.json.status, 'published');
  assert.equal(posted.json.review.identifier, review.identifier);
  assert.equal(posted.json.review.author.name, 'Anna Aliyeva');
  assert.equal(posted.json.review.reviewRating.ratingValue, 4);
  assert.match(posted.json.review.datePublished, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.ok(!posted.text.includes('anna@example.com'), 'the email is not echoed');

  const listed = await listReviews(base, 'article-1');
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.json, [posted.json.review]);
  assert.equal(listed.json[0].author.email, undefined);
  assert.equal((await listReviews(base, 'another-article')).json.length, 0);
});

test('text is stored as given and only ever served as JSON', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const body = '<script>alert("x")</script> & <b>bold</b>\n\nSecond paragraph — ünïcödé ✓';
  const review = makeReview({ itemReviewed: 'html', reviewBody: body, author: { name: '<img src=x onerror=alert(1)>' } });
  assert.equal((await postReview(base, review)).status, 201);
  const listed = await listReviews(base, 'html');
  assert.match(listed.headers.get('content-type'), /^application\/json/);
  assert.equal(listed.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(listed.json[0].reviewBody, body);
  assert.equal(listed.json[0].author.name, '<img src=x onerror=alert(1)>');
});

test('resending an identifier answers 200 with the stored review and stores it once', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const review = makeReview({ itemReviewed: 'dup' });
  const first = await postReview(base, review);
  const again = await postReview(base, review);
  const edited = await postReview(base, { ...review, reviewBody: 'Changed my mind.' });
  assert.equal(first.status, 201);
  assert.equal(again.status, 200);
  assert.equal(edited.status, 200);
  assert.deepEqual(again.json, first.json);
  assert.deepEqual(edited.json, first.json, 'the stored review wins');
  // UUIDs are case-insensitive: the same key in capitals is the same review.
  const upper = await postReview(base, { ...review, identifier: review.identifier.toUpperCase() });
  assert.equal(upper.status, 200);
  const listed = await listReviews(base, 'dup');
  assert.equal(listed.json.length, 1);
  assert.equal(listed.json[0].reviewBody, review.reviewBody);
});

test('malformed JSON is 400', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  for (const body of ['{"identifier":', 'not json', '', '[1,2]']) {
    const r = await postReview(base, body);
    assert.equal(r.status, 400, `${JSON.stringify(body)} -> ${r.text}`);
    assert.equal(typeof r.json.error, 'string');
  }
});

test('a body over 16 KiB is 413 and nothing is stored', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const review = makeReview({ itemReviewed: 'big', reviewBody: 'x'.repeat(17 * 1024) });
  const r = await postReview(base, review);
  assert.equal(r.status, 413);
  assert.match(r.json.error, /too large/);
  assert.equal((await listReviews(base, 'big')).json.length, 0);
  // Just under the limit is fine as far as size goes (the text is then too long: 422).
  const near = await postReview(base, makeReview({ itemReviewed: 'big', reviewBody: 'y'.repeat(15 * 1024) }));
  assert.equal(near.status, 422);
  assert.equal(near.json.field, 'reviewBody');
});

test('missing and wrong-typed fields are 422 naming the field, with the form\'s words', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const cases = [
    [{ author: undefined }, 'author.name', 'Please enter your name.'],
    [{ author: { name: '   ' } }, 'author.name', 'Please enter your name.'],
    [{ author: { name: 42 } }, 'author.name', 'author.name: expected a string, got number'],
    [{ reviewRating: undefined }, 'reviewRating.ratingValue', 'Please choose a rating from 1 to 5 stars.'],
    [{ reviewRating: { ratingValue: 6 } }, 'reviewRating.ratingValue', 'Please choose a rating from 1 to 5 stars.'],
    [{ reviewRating: { ratingValue: '5' } }, 'reviewRating.ratingValue',
      'reviewRating.ratingValue: expected a whole number, got string'],
    [{ reviewBody: undefined }, 'reviewBody', 'Please write your review.'],
    [{ reviewBody: 'ok' }, 'reviewBody', 'Your review needs at least 3 characters.'],
    [{ reviewBody: 'z'.repeat(2001) }, 'reviewBody', 'Your review can be at most 2000 characters; it has 2001.'],
    [{ reviewBody: { text: 'nested' } }, 'reviewBody', 'reviewBody: expected a string, got object'],
    [{ author: { name: 'A', email: 'not-an-email' } }, 'author.email', "That email address doesn't look right."],
    [{ identifier: undefined }, 'identifier', null],
    [{ identifier: 'not-a-uuid' }, 'identifier', null],
    [{ itemReviewed: '' }, 'itemReviewed', null],
    [{ itemReviewed: 12 }, 'itemReviewed', 'itemReviewed: expected a string, got number'],
    [{ dateCreated: 'last Tuesday' }, 'dateCreated', null],
  ];
  for (const [overrides, field, message] of cases) {
    const review = makeReview({ itemReviewed: 'invalid', ...overrides });
    const r = await postReview(base, review);
    const what = JSON.stringify(overrides).slice(0, 80);
    assert.equal(r.status, 422, `${what} -> ${r.text}`);
    assert.equal(r.json.field, field, what);
    if (message) assert.equal(r.json.error, message, what);
    else assert.ok(r.json.error.length > 10, what);
    assert.ok(r.json.errors.some((e) => e.field === field && e.message === r.json.error), what);
  }
  assert.equal((await listReviews(base, 'invalid')).json.length, 0);
  assert.equal((await listReviews(base, '')).status, 400);
});

test('every problem of a review is listed, so the form can mark each field', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const r = await postReview(base, makeReview({ author: { name: '' }, reviewRating: {}, reviewBody: '' }));
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors.map((e) => e.field).sort(), ['author.name', 'reviewBody', 'reviewRating.ratingValue']);
});

test('over the rate limit is 429 with Retry-After', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '3'] });
  for (let i = 0; i < 3; i++) assert.equal((await postReview(base, makeReview({ itemReviewed: 'rl' }))).status, 201);
  const refused = await postReview(base, makeReview({ itemReviewed: 'rl' }));
  assert.equal(refused.status, 429);
  const wait = Number(refused.headers.get('retry-after'));
  assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 60, `Retry-After: ${wait}`);
  assert.match(refused.headers.get('access-control-expose-headers'), /Retry-After/);
  assert.equal((await listReviews(base, 'rl')).json.length, 3);
  assert.equal((await listReviews(base, 'rl')).status, 200, 'reading is not limited');
});

test('--moderate stores reviews as pending and does not list them', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0', '--moderate'] });
  const review = makeReview({ itemReviewed: 'moderated' });
  const r = await postReview(base, review);
  assert.equal(r.status, 201);
  assert.equal(r.json.status, 'pending');
  assert.equal((await postReview(base, review)).json.status, 'pending');
  assert.equal((await listReviews(base, 'moderated')).json.length, 0);
});

test('a filled honeypot is answered like a person but not stored', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const r = await postReview(base, makeReview({ itemReviewed: 'spam', website: 'http://cheap-pills.example' }));
  assert.equal(r.status, 201);
  assert.equal(r.json.status, 'published');
  assert.ok(!r.text.includes('cheap-pills'));
  assert.equal((await listReviews(base, 'spam')).json.length, 0);
});

test('listing is newest first and bounded by limit (default 50, at most 100)', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const ids = [];
  for (let i = 0; i < 105; i++) {
    const review = makeReview({ itemReviewed: 'many', reviewBody: `Review number ${i}` });
    assert.equal((await postReview(base, review)).status, 201);
    ids.push(review.identifier);
  }
  const newestFirst = ids.reverse();
  assert.deepEqual((await listReviews(base, 'many', '&limit=3')).json.map((r) => r.identifier), newestFirst.slice(0, 3));
  assert.equal((await listReviews(base, 'many')).json.length, 50);
  assert.equal((await listReviews(base, 'many', '&limit=1000')).json.length, 100);
  for (const bad of ['0', '-1', 'ten', '']) assert.equal((await listReviews(base, 'many', `&limit=${bad}`)).status, 400, bad);
});

test('the API allows cross-origin GET and POST with a preflight', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const pre = await fetch(`${base}/api/reviews`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://news.example', 'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type' },
  });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), '*');
  assert.match(pre.headers.get('access-control-allow-methods'), /POST/);
  assert.match(pre.headers.get('access-control-allow-headers'), /content-type/i);
  const posted = await postReview(base, makeReview());
  assert.equal(posted.headers.get('access-control-allow-origin'), '*');
  const listed = await listReviews(base, 'stoltenberg-baku');
  assert.equal(listed.headers.get('access-control-allow-origin'), '*');
  const missing = await fetch(`${base}/api/nothing-here`);
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('access-control-allow-origin'), '*');
  assert.equal(typeof (await missing.json()).error, 'string');
});

test('SIGTERM stops the server promptly and cleanly, keeping what it stored', async (t) => {
  const dataDir = tempDir(t, 'term');
  const first = await startServer(t, { dataDir, args: ['--rate-limit', '0'] });
  const review = makeReview({ itemReviewed: 'term' });
  assert.equal((await postReview(first.base, review)).status, 201);
  const started = Date.now();
  const { code, signal } = await first.kill('SIGTERM');
  assert.equal(code, 0);
  assert.equal(signal, null);
  assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  const second = await startServer(t, { dataDir, args: ['--rate-limit', '0'] });
  assert.deepEqual((await listReviews(second.base, 'term')).json.map((r) => r.identifier), [review.identifier]);
});
