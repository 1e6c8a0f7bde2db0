// Readers' reports: answers, limits, hiding past N reports until a moderator
// decides; and whose address counts behind proxies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { admin, listReviews, makeReview, postReview, postReviewAs, report, startModerated, startServer } from './helpers.mjs';

test('a report is 202; unknown reviews 404; unknown reasons, long notes and bad JSON are refused', async (t) => {
  const { base } = await startModerated(t);
  const review = makeReview({ itemReviewed: 'reported' });
  await postReview(base, review);
  for (const reason of ['spam', 'abuse', 'off-topic', 'other']) {
    const r = await report(base, review.identifier, { reason, message: `It is ${reason}.` });
    assert.equal(r.status, 202, `${reason}: ${r.text}`);
  }
  assert.equal((await report(base, review.identifier, { reason: 'spam', message: 'é'.repeat(500) })).status, 202);
  const cases = [
    [{ reason: 'boring' }, 422, 'reason'],
    [{}, 422, 'reason'],
    [{ reason: 7 }, 422, 'reason'],
    [{ reason: 'spam', message: 'x'.repeat(501) }, 422, 'message'],
    [{ reason: 'spam', message: 42 }, 422, 'message'],
    ['not json', 400, undefined],
    ['["spam"]', 400, undefined],
  ];
  for (const [body, status, field] of cases) {
    const r = await report(base, review.identifier, body);
    assert.equal(r.status, status, `${JSON.stringify(body).slice(0, 60)} -> ${r.text}`);
    assert.equal(r.json.field, field);
    assert.equal(typeof r.json.error, 'string');
  }
  assert.equal((await report(base, '00000000-0000-4000-8000-000000000000', { reason: 'spam' })).status, 404);
  assert.equal((await report(base, 'not-even-a-uuid', { reason: 'spam' })).status, 404);
});

test('pending and rejected reviews cannot be reported (the public cannot see them)', async (t) => {
  const { base } = await startModerated(t, { args: ['--moderation', 'pre'] });
  const review = makeReview();
  await postReview(base, review);
  assert.equal((await report(base, review.identifier, { reason: 'spam' })).status, 404);
  await admin(base, `/api/admin/reviews/${review.identifier}/reject`, { method: 'POST' });
  assert.equal((await report(base, review.identifier, { reason: 'spam' })).status, 404);
});

test('past N reports from different readers a review is hidden until a moderator decides', async (t) => {
  const { base } = await startModerated(t, { args: ['--hide-after-reports', '3', '--trust-proxy', '127.0.0.1,::1'] });
  const review = makeReview({ itemReviewed: 'hide-me' });
  await postReview(base, review);
  const from = (reader) => ({ 'X-Forwarded-For': reader });
  // One reader reporting again and again counts once.
  for (let i = 0; i < 5; i++) assert.equal((await report(base, review.identifier, { reason: 'spam' }, from('203.0.113.1'))).status, 202);
  assert.equal((await report(base, review.identifier, { reason: 'abuse' }, from('203.0.113.2'))).status, 202);
  assert.equal((await listReviews(base, 'hide-me')).json.length, 1, 'two readers: still shown');
  let queue = await admin(base, '/api/admin/reviews?status=reported');
  assert.equal(queue.json.reviews[0].reports, 2);
  assert.equal(queue.json.reviews[0].hidden, false);

  const shown = await fetch(`${base}/api/reviews?item=hide-me`);
  await shown.arrayBuffer();
  assert.equal((await report(base, review.identifier, { reason: 'off-topic' }, from('203.0.113.3'))).status, 202);
  const revalidated = await fetch(`${base}/api/reviews?item=hide-me`, { headers: { 'If-None-Match': shown.headers.get('etag') } });
  assert.equal(revalidated.status, 200, 'caches learn it is gone');
  assert.deepEqual(await revalidated.json(), [], 'the third reader hides it');
  assert.equal((await (await fetch(`${base}/api/reviews/summary?item=hide-me`)).json()).ratingCount, 0);
  queue = await admin(base, '/api/admin/reviews?status=reported');
  assert.equal(queue.json.reviews[0].identifier, review.identifier);
  assert.equal(queue.json.reviews[0].reports, 3);
  assert.equal(queue.json.reviews[0].hidden, true);
  assert.equal(queue.json.reviews[0].status, 'published');
  assert.equal(queue.json.counts.reported, 1);

  // The moderator keeps it: shown again, reports settled.
  const kept = await admin(base, `/api/admin/reviews/${review.identifier}/publish`, { method: 'POST' });
  assert.equal(kept.json.reports, 0);
  assert.equal(kept.json.hidden, false);
  assert.equal((await listReviews(base, 'hide-me')).json.length, 1);
  assert.equal((await admin(base, '/api/admin/reviews?status=reported')).json.reviews.length, 0);
  // Undo reopens the settled reports: hidden again.
  const undone = await admin(base, `/api/admin/reviews/${review.identifier}/undo`, { method: 'POST' });
  assert.equal(undone.json.reports, 3);
  assert.equal(undone.json.hidden, true);
  assert.equal((await listReviews(base, 'hide-me')).json.length, 0);
  // Rejecting settles them too.
  await admin(base, `/api/admin/reviews/${review.identifier}/reject`, { method: 'POST' });
  assert.equal((await admin(base, '/api/admin/reviews?status=reported')).json.reviews.length, 0);
  assert.equal((await admin(base, '/api/admin/reviews?status=rejected')).json.reviews[0].identifier, review.identifier);
});

test('--hide-after-reports 0 never hides', async (t) => {
  const { base } = await startModerated(t, { args: ['--hide-after-reports', '0', '--trust-proxy', '127.0.0.1,::1'] });
  const review = makeReview({ itemReviewed: 'never' });
  await postReview(base, review);
  for (let i = 1; i <= 5; i++) await report(base, review.identifier, { reason: 'spam' }, { 'X-Forwarded-For': `192.0.2.${i}` });
  assert.equal((await listReviews(base, 'never')).json.length, 1);
  assert.equal((await admin(base, '/api/admin/reviews?status=reported')).json.reviews[0].reports, 5);
});

test('reports are rate-limited per reader with Retry-After', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '3'] });
  const review = makeReview();
  await postReview(base, review);
  for (let i = 0; i < 3; i++) assert.equal((await report(base, review.identifier, { reason: 'spam' })).status, 202);
  const refused = await report(base, review.identifier, { reason: 'spam' });
  assert.equal(refused.status, 429);
  assert.ok(Number(refused.headers.get('retry-after')) >= 1);
  assert.equal((await postReview(base, makeReview())).status, 201, 'reviews have their own allowance');
});

test('X-Forwarded-For from a peer that is not a trusted proxy is ignored', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '2'] }); // trusts nobody
  for (let i = 0; i < 2; i++)
    assert.equal((await postReviewAs(base, makeReview(), `198.51.100.${i}`)).status, 201);
  assert.equal((await postReviewAs(base, makeReview(), '198.51.100.99')).status, 429, 'a made-up header buys no allowance');
});

test('a trusted proxy in another range does not make the local peer trusted', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '1', '--trust-proxy', '10.0.0.0/8,fd00::/8'] });
  assert.equal((await postReviewAs(base, makeReview(), '198.51.100.1')).status, 201);
  assert.equal((await postReviewAs(base, makeReview(), '198.51.100.2')).status, 429);
});

test('behind a trusted proxy the limit is per reader: the right-most untrusted X-Forwarded-For entry', async (t) => {
  const { base } = await startServer(t, { args: ['--rate-limit', '2', '--trust-proxy', '127.0.0.0/8, ::1, 10.0.0.0/8'] });
  // Two readers behind the same proxy each get their own two reviews a minute.
  for (const reader of ['198.51.100.1', '198.51.100.2'])
    for (let i = 0; i < 2; i++) assert.equal((await postReviewAs(base, makeReview(), reader)).status, 201, reader);
  assert.equal((await postReviewAs(base, makeReview(), '198.51.100.1')).status, 429);
  // A reader who forges entries to the left is still known by the entry the proxy added;
  // trusted hops (10.x, an inner proxy) are skipped.
  assert.equal((await postReviewAs(base, makeReview(), '1.2.3.4, 198.51.100.2')).status, 429);
  assert.equal((await postReviewAs(base, makeReview(), '6.6.6.6, 198.51.100.2, 10.1.2.3')).status, 429);
  assert.equal((await postReviewAs(base, makeReview(), '198.51.100.3, 10.1.2.3')).status, 201);
  assert.equal((await postReviewAs(base, makeReview(), '2001:db8::1')).status, 201, 'IPv6 readers');
  assert.equal((await postReviewAs(base, makeReview(), 'garbage, 198.51.100.4')).status, 201);
});
