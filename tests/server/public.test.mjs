// The public reads: paging with Link and cursors, ETags and 304, the
// Cache-Control a CDN may use, the AggregateRating summary, /healthz.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listReviews, makeReview, postReview, rawGet, startServer } from './helpers.mjs';

async function postMany(base, item, n, rating = () => 4) {
  const ids = [];
  for (let i = 0; i < n; i++) {
    const review = makeReview({ itemReviewed: item, reviewBody: `Review number ${i}`,
      reviewRating: { ratingValue: rating(i) } });
    assert.equal((await postReview(base, review)).status, 201);
    ids.push(review.identifier);
  }
  return ids.reverse(); // newest first
}

test('the list pages newest first through Link rel="next" until the end', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const newestFirst = await postMany(base, 'paged article/1?x=1', 7);
  const seen = [];
  let path = `/api/reviews?item=${encodeURIComponent('paged article/1?x=1')}&limit=3`;
  for (let pages = 0; path; pages++) {
    assert.ok(pages < 5, 'the paging ends');
    const res = await fetch(`${base}${path}`);
    assert.equal(res.status, 200);
    seen.push(...(await res.json()).map((r) => r.identifier));
    const link = res.headers.get('link');
    path = link && /^<([^>]+)>; rel="next"$/.exec(link)[1];
  }
  assert.deepEqual(seen, newestFirst);
  // A new review while paging shows on the first page, not twice on a later one.
  const firstPage = await listReviews(base, 'paged article/1?x=1', '&limit=3');
  assert.equal(firstPage.json.length, 3);
  assert.equal((await listReviews(base, 'paged article/1?x=1', '&limit=7')).headers.get('link'), null, 'no next past the end');
  for (const bad of ['abc', '-1', '', '1e3']) {
    const r = await listReviews(base, 'x', `&cursor=${bad}`);
    assert.equal(r.status, 400, bad);
    assert.equal(r.json.field, 'cursor');
  }
});

test('the list carries an ETag; If-None-Match gets 304 until the list changes', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  await postMany(base, 'etag', 2);
  const first = await rawGet(base, '/api/reviews?item=etag');
  assert.equal(first.status, 200);
  const etag = first.headers.etag;
  assert.match(etag, /^"[0-9a-f]{16}"$/);
  assert.equal(first.headers['cache-control'], 'public, max-age=0, must-revalidate, s-maxage=30');

  const again = await rawGet(base, '/api/reviews?item=etag', { 'If-None-Match': etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, etag);
  assert.equal(again.headers['cache-control'], 'public, max-age=0, must-revalidate, s-maxage=30');
  assert.equal((await rawGet(base, '/api/reviews?item=etag', { 'If-None-Match': `W/"x", W/${etag}` })).status, 304);
  assert.equal((await rawGet(base, '/api/reviews?item=etag', { 'If-None-Match': '"0000000000000000"' })).status, 200);

  await postMany(base, 'etag', 1);
  const changed = await rawGet(base, '/api/reviews?item=etag', { 'If-None-Match': etag });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.etag, etag);
  assert.equal(JSON.parse(changed.body).length, 3);
});

test('--public-cache sets the Cache-Control of the public GETs', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0', '--public-cache', 'public, max-age=5'] });
  assert.equal((await rawGet(base, '/api/reviews?item=a')).headers['cache-control'], 'public, max-age=5');
  assert.equal((await rawGet(base, '/api/reviews/summary?item=a')).headers['cache-control'], 'public, max-age=5');
  // Errors and writes are never cached.
  assert.equal((await rawGet(base, '/api/reviews')).headers['cache-control'], 'no-cache');
  assert.equal((await postReview(base, makeReview())).headers.get('cache-control'), 'no-cache');
});

test('the summary is a schema.org AggregateRating with a distribution and an ETag', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0'] });
  const ratings = [5, 5, 4, 3, 5, 1, 4];
  await postMany(base, 'rated', ratings.length, (i) => ratings[i]);
  await postMany(base, 'other', 2, () => 1);
  const res = await rawGet(base, '/api/reviews/summary?item=rated');
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /^application\/json/);
  assert.deepEqual(JSON.parse(res.body), {
    '@context': 'https://schema.org',
    '@type': 'AggregateRating',
    itemReviewed: 'rated',
    ratingValue: 3.9, // 27 / 7 = 3.857...
    ratingCount: 7,
    reviewCount: 7,
    bestRating: 5,
    worstRating: 1,
    distribution: { 1: 1, 2: 0, 3: 1, 4: 2, 5: 3 },
  });
  assert.equal((await rawGet(base, '/api/reviews/summary?item=rated', { 'If-None-Match': res.headers.etag })).status, 304);

  const none = await (await fetch(`${base}/api/reviews/summary?item=nobody`)).json();
  assert.equal(none.ratingCount, 0);
  assert.equal(none.ratingValue, null);
  assert.deepEqual(none.distribution, { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
  assert.equal((await fetch(`${base}/api/reviews/summary`)).status, 400);
});

test('pending reviews count in neither the list nor the summary', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '0', '--moderation', 'pre'] });
  const posted = await postReview(base, makeReview({ itemReviewed: 'quiet' }));
  assert.equal(posted.json.status, 'pending');
  assert.equal((await listReviews(base, 'quiet')).json.length, 0);
  assert.equal((await (await fetch(`${base}/api/reviews/summary?item=quiet`)).json()).ratingCount, 0);
});

test('/healthz answers 200 while the store answers', async (t) => {
  const { base } = await startServer(t);
  const res = await fetch(`${base}/healthz`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

test('bad option values are refused with a message', async (t) => {
  for (const args of [['--moderation', 'sometimes'], ['--hide-after-reports', '-1'], ['--trust-proxy', '10.0.0.0/33'],
    ['--trust-proxy', 'proxy.example'], ['--notify-url', 'ftp://x'], ['--database', 'mysql://x']]) {
    await assert.rejects(startServer(t, { args }), /review_server exited \([12]\):\n.*review_server: /s, args.join(' '));
  }
});
