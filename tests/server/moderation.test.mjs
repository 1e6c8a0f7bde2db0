// The moderators' API: the bearer token (missing, wrong, rotated, brute force),
// the queues, publish/reject/undo, erasure, and the email staying private.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  admin, adminToken, listReviews, makeReview, postReview, postgres, rawGet, report, startModerated, startServer, tempDir,
} from './helpers.mjs';

test('without the right token the moderators\' endpoints answer 401 with WWW-Authenticate: Bearer', async (t) => {
  // Each try from its own reader (through a trusted proxy), so that none is held back for guessing.
  const { base } = await startModerated(t, { args: ['--trust-proxy', '127.0.0.1,::1'] });
  const review = makeReview();
  await postReview(base, review);
  let reader = 0;
  const from = () => ({ 'X-Forwarded-For': `198.51.100.${++reader}` });
  const calls = [
    ['GET', '/api/admin/reviews?status=pending'],
    ['POST', `/api/admin/reviews/${review.identifier}/publish`],
    ['POST', `/api/admin/reviews/${review.identifier}/reject`],
    ['DELETE', `/api/admin/reviews/${review.identifier}`],
    ['GET', '/metrics'],
  ];
  for (const [method, path] of calls) {
    for (const token of [null, 'wrong-token-wrong-token', `${adminToken}x`, adminToken.slice(0, -1), '']) {
      const r = await admin(base, path, { method, token, headers: from() });
      assert.equal(r.status, 401, `${method} ${path} with ${token}`);
      assert.match(r.headers.get('www-authenticate'), /^Bearer/);
      assert.ok(!r.text.includes('anna@example.com'));
    }
    const basic = await admin(base, path,
      { method, token: null, headers: { ...from(), Authorization: `Basic ${btoa(`x:${adminToken}`)}` } });
    assert.equal(basic.status, 401);
  }
  assert.equal((await listReviews(base, review.itemReviewed)).json.length, 1, 'nothing was changed');
  assert.equal((await admin(base, '/api/admin/reviews?status=published')).status, 200);
});

test('a server without a token refuses every moderator', async (t) => {
  const { base } = await startServer(t);
  const r = await admin(base, '/api/admin/reviews?status=pending', { token: 'anything-at-all-123' });
  assert.equal(r.status, 401);
  assert.match(r.json.error, /--admin-token-file/);
});

test('a rewritten token file rotates the token: the old one gets 401 at once', async (t) => {
  const dir = tempDir(t, 'token');
  const file = join(dir, 'admin-token');
  writeFileSync(file, 'first-token-aaaaaaaaaaaa\n');
  chmodSync(file, 0o600);
  const { base } = await startServer(t, { args: ['--admin-token-file', file] });
  const path = '/api/admin/reviews?status=pending';
  assert.equal((await admin(base, path, { token: 'first-token-aaaaaaaaaaaa' })).status, 200);
  writeFileSync(file, 'second-token-bbbbbbbbbbbbbbb\n');
  assert.equal((await admin(base, path, { token: 'first-token-aaaaaaaaaaaa' })).status, 401);
  assert.equal((await admin(base, path, { token: 'second-token-bbbbbbbbbbbbbbb' })).status, 200);
});

test('a short token or an unreadable token file stops the server at start', async (t) => {
  const dir = tempDir(t, 'short');
  writeFileSync(join(dir, 'short'), 'abc\n');
  await assert.rejects(startServer(t, { args: ['--admin-token-file', join(dir, 'short')] }), /at least 16 characters/);
  await assert.rejects(startServer(t, { args: ['--admin-token-file', join(dir, 'missing')] }), /cannot read the token/);
  await assert.rejects(startServer(t, { env: { REVIEW_ADMIN_TOKEN: 'short' } }), /at least 16 characters/);
});

test('guessing tokens gets 429, even for the right one, while the address keeps failing', async (t) => {
  const { base } = await startModerated(t);
  const path = '/api/admin/reviews?status=pending';
  let guesses = 0;
  let r;
  do {
    r = await admin(base, path, { token: `guess-${guesses++}-xxxxxxxxxxxx` });
  } while (r.status === 401 && guesses < 50);
  assert.equal(r.status, 429, `after ${guesses} guesses`);
  assert.equal(guesses, 11, 'ten failures a minute are allowed');
  assert.ok(Number(r.headers.get('retry-after')) >= 1);
  assert.equal((await admin(base, path)).status, 429, 'the right token waits too');
});

test('pre-moderation: pending until published; the queues, counts and decisions', async (t) => {
  const { base } = await startModerated(t, { args: ['--moderation', 'pre'] });
  const a = makeReview({ itemReviewed: 'mod-1', author: { name: 'Alice', email: 'alice@example.com' } });
  const b = makeReview({ itemReviewed: 'mod-1', author: { name: 'Bob' } });
  const c = makeReview({ itemReviewed: 'mod-2' });
  for (const r of [a, b, c]) assert.equal((await postReview(base, r)).json.status, 'pending');
  assert.equal((await listReviews(base, 'mod-1')).json.length, 0);

  const pending = await admin(base, '/api/admin/reviews?status=pending');
  assert.equal(pending.status, 200);
  assert.equal(pending.headers.get('cache-control'), 'no-store');
  assert.deepEqual(pending.json.reviews.map((r) => r.identifier), [c, b, a].map((r) => r.identifier));
  assert.equal(pending.json.next, null);
  assert.deepEqual(pending.json.counts, { pending: 3, reported: 0, published: 0, rejected: 0 });
  const alice = pending.json.reviews[2];
  assert.equal(alice.status, 'pending');
  assert.equal(alice.author.email, 'alice@example.com', 'moderators see the email');
  assert.equal(alice.reports, 0);

  const filtered = await admin(base, '/api/admin/reviews?status=pending&item=mod-1&limit=1');
  assert.deepEqual(filtered.json.reviews.map((r) => r.identifier), [b.identifier]);
  assert.equal(typeof filtered.json.next, 'string');
  assert.equal(filtered.json.counts.pending, 2);
  const second = await admin(base, `/api/admin/reviews?status=pending&item=mod-1&limit=1&cursor=${filtered.json.next}`);
  assert.deepEqual(second.json.reviews.map((r) => r.identifier), [a.identifier]);
  assert.equal(second.json.next, null);

  const published = await admin(base, `/api/admin/reviews/${a.identifier}/publish`, { method: 'POST' });
  assert.equal(published.status, 200);
  assert.equal(published.json.status, 'published');
  assert.equal(published.json.identifier, a.identifier);
  const rejected = await admin(base, `/api/admin/reviews/${b.identifier.toUpperCase()}/reject`, { method: 'POST' });
  assert.equal(rejected.status, 200);
  assert.equal(rejected.json.status, 'rejected');

  const listed = await listReviews(base, 'mod-1');
  assert.deepEqual(listed.json.map((r) => r.identifier), [a.identifier]);
  assert.equal((await postReview(base, a)).json.status, 'published', 'a resend learns it was published');
  assert.deepEqual((await admin(base, '/api/admin/reviews?status=rejected')).json.counts,
    { pending: 1, reported: 0, published: 1, rejected: 1 });

  for (const [method, path, status] of [
    ['POST', '/api/admin/reviews/00000000-0000-4000-8000-000000000000/publish', 404],
    ['DELETE', '/api/admin/reviews/00000000-0000-4000-8000-000000000000', 404],
    ['GET', '/api/admin/reviews?status=everything', 400],
    ['GET', '/api/admin/reviews', 400],
    ['GET', '/api/admin/reviews?status=pending&cursor=zz', 400],
  ]) assert.equal((await admin(base, path, { method })).status, status, `${method} ${path}`);
});

test('undo puts back the status before the last decision, and only once', async (t) => {
  const { base } = await startModerated(t, { args: ['--moderation', 'pre'] });
  const review = makeReview({ itemReviewed: 'undo' });
  await postReview(base, review);
  const path = `/api/admin/reviews/${review.identifier}`;
  assert.equal((await admin(base, `${path}/undo`, { method: 'POST' })).status, 409, 'nothing decided yet');
  await admin(base, `${path}/publish`, { method: 'POST' });
  assert.equal((await listReviews(base, 'undo')).json.length, 1);
  const undone = await admin(base, `${path}/undo`, { method: 'POST' });
  assert.equal(undone.status, 200);
  assert.equal(undone.json.status, 'pending');
  assert.equal((await listReviews(base, 'undo')).json.length, 0);
  assert.equal((await admin(base, `${path}/undo`, { method: 'POST' })).status, 409);
});

test('post-moderation: published at once, hidden by a rejection, erased by a delete', async (t) => {
  const dataDir = tempDir(t, 'erase');
  const { base } = await startModerated(t, { dataDir, args: ['--moderation', 'post'] });
  const keep = makeReview({ itemReviewed: 'post' });
  const gone = makeReview({ itemReviewed: 'post', author: { name: 'Erin', email: 'erin@example.com' },
    reviewBody: 'Please forget me entirely.' });
  for (const r of [keep, gone]) assert.equal((await postReview(base, r)).json.status, 'published');
  const etags = async () => [(await rawGet(base, '/api/reviews?item=post')).headers.etag,
    (await rawGet(base, '/api/reviews/summary?item=post')).headers.etag];
  const before = await etags();
  await admin(base, `/api/admin/reviews/${keep.identifier}/reject`, { method: 'POST' });
  assert.deepEqual((await listReviews(base, 'post')).json.map((r) => r.identifier), [gone.identifier]);
  const afterReject = await etags();
  for (const i of [0, 1]) assert.notEqual(afterReject[i], before[i], 'a decision changes the validators');
  const path = ['/api/reviews?item=post', '/api/reviews/summary?item=post'];
  for (const i of [0, 1]) assert.equal((await rawGet(base, path[i], { 'If-None-Match': before[i] })).status, 200);

  const deleted = await admin(base, `/api/admin/reviews/${gone.identifier}`, { method: 'DELETE' });
  assert.equal(deleted.status, 204);
  assert.equal(deleted.text, '');
  assert.equal((await listReviews(base, 'post')).json.length, 0);
  assert.notEqual((await etags())[0], afterReject[0], 'so does an erasure');
  for (const queue of ['pending', 'published', 'rejected', 'reported'])
    assert.ok(!(await admin(base, `/api/admin/reviews?status=${queue}`)).text.includes(gone.identifier), queue);
  assert.equal((await admin(base, `/api/admin/reviews/${gone.identifier}/publish`, { method: 'POST' })).status, 404);
  assert.equal((await report(base, gone.identifier, { reason: 'spam' })).status, 404);
  // Erased everywhere: the database file itself no longer holds the text or the email.
  if (postgres) return; // PostgreSQL's files are its own; VACUUM reclaims the row
  const { readFileSync, readdirSync } = await import('node:fs');
  for (const name of readdirSync(dataDir)) {
    const bytes = readFileSync(join(dataDir, name)).toString('latin1');
    assert.ok(!bytes.includes('Please forget me entirely.'), `${name} still holds the text`);
    assert.ok(!bytes.includes('erin@example.com'), `${name} still holds the email`);
  }
});

test('the email never appears in a public response', async (t) => {
  const { base } = await startModerated(t, { root: tempDir(t, 'root') });
  const review = makeReview({ itemReviewed: 'private', author: { name: 'Pat', email: 'pat.secret@example.com' } });
  const posted = await postReview(base, review);
  await report(base, review.identifier, { reason: 'other' });
  const responses = [
    posted.text,
    (await postReview(base, review)).text,
    JSON.stringify((await listReviews(base, 'private')).json),
    (await rawGet(base, '/api/reviews/summary?item=private')).body.toString(),
    (await rawGet(base, '/api/reviews?item=private&limit=1')).body.toString(),
    (await report(base, review.identifier, { reason: 'spam' })).text,
    (await rawGet(base, '/healthz')).body.toString(),
    (await rawGet(base, '/admin/')).body.toString(),
  ];
  for (const body of responses) assert.ok(!body.includes('pat.secret'), body.slice(0, 200));
  assert.ok((await admin(base, '/api/admin/reviews?status=published')).text.includes('pat.secret'), 'the test can fail');
});

test('/metrics is Prometheus text with requests, latency, reviews by status and reports', async (t) => {
  const { base } = await startModerated(t, { args: ['--moderation', 'pre'] });
  const review = makeReview({ itemReviewed: 'metrics' });
  await postReview(base, review);
  await admin(base, `/api/admin/reviews/${review.identifier}/publish`, { method: 'POST' });
  await listReviews(base, 'metrics');
  await report(base, review.identifier, { reason: 'spam' });
  await fetch(`${base}/api/reviews?item=`);
  const r = await admin(base, '/metrics');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  const m = r.text;
  assert.match(m, /^# TYPE review_server_requests_total counter$/m);
  assert.match(m, /^review_server_requests_total\{method="POST",route="\/api\/reviews",status="201"\} 1$/m);
  assert.match(m, /^review_server_requests_total\{method="GET",route="\/api\/reviews",status="200"\} 1$/m);
  assert.match(m, /^review_server_requests_total\{method="GET",route="\/api\/reviews",status="400"\} 1$/m);
  assert.match(m, /^review_server_requests_total\{method="POST",route="\/api\/admin\/reviews\/\{identifier\}\/publish",status="200"\} 1$/m);
  assert.match(m, /^review_server_requests_total\{method="POST",route="\/api\/reviews\/\{identifier\}\/report",status="202"\} 1$/m);
  assert.match(m, /^# TYPE review_server_request_duration_seconds histogram$/m);
  assert.match(m, /^review_server_request_duration_seconds_bucket\{method="POST",route="\/api\/reviews",le="\+Inf"\} 1$/m);
  assert.match(m, /^review_server_request_duration_seconds_count\{method="POST",route="\/api\/reviews"\} 1$/m);
  assert.match(m, /^review_server_reviews\{status="published"\} 1$/m);
  assert.match(m, /^review_server_reviews\{status="pending"\} 0$/m);
  assert.match(m, /^review_server_reviews\{status="reported"\} 1$/m);
  assert.match(m, /^review_server_open_reports 1$/m);
  assert.match(m, /^review_server_reports_total 1$/m);
  assert.ok(!m.includes(review.identifier), 'identifiers never become labels');
});
