// --notify-url: a JSON POST per new pending review and per report, retried
// with backoff, and never holding up the reader's request.
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { admin, makeReview, postReview, report, startModerated } from './helpers.mjs';

// A loopback receiver; `answer(n)` decides the status of the n-th delivery (1-based), or holds it when it returns a promise.
async function receiver(t, answer) {
  const events = [];
  const waiters = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', async () => {
      const event = { n: events.length + 1, type: req.headers['content-type'], json: JSON.parse(body) };
      events.push(event);
      for (const w of waiters.splice(0)) w();
      res.statusCode = await answer(event.n);
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));
  const until = async (count) => { while (events.length < count) await new Promise((r) => waiters.push(r)); return events; };
  return { url: `http://127.0.0.1:${server.address().port}/hooks/reviews`, events, until };
}

test('a new pending review and a report are each sent once, retried after a failure', async (t) => {
  const hook = await receiver(t, (n) => (n === 1 ? 500 : 204)); // the first delivery fails
  const { base } = await startModerated(t, { args: ['--moderation', 'pre', '--notify-url', hook.url] });
  const review = makeReview({ itemReviewed: 'hooked', author: { name: 'Hook', email: 'hook@example.com' } });
  assert.equal((await postReview(base, review)).status, 201);
  const [failed, retried] = await hook.until(2);
  assert.equal(failed.json.event, 'review.pending');
  assert.deepEqual(retried.json, failed.json, 'the same event again');
  assert.match(retried.type, /^application\/json/);
  assert.equal(retried.json.review.identifier, review.identifier);
  assert.equal(retried.json.review.itemReviewed, 'hooked');
  assert.ok(!JSON.stringify(retried.json).includes('hook@example.com'), 'no email leaves the server');
  assert.equal((await postReview(base, review)).status, 200, 'a resend is not a new review');

  await admin(base, `/api/admin/reviews/${review.identifier}/publish`, { method: 'POST' });
  assert.equal((await report(base, review.identifier, { reason: 'abuse', message: 'Rude.' })).status, 202);
  const events = await hook.until(3);
  assert.deepEqual(events[2].json, { event: 'review.reported', identifier: review.identifier, reason: 'abuse',
    message: 'Rude.', reports: 1, hidden: false });
  // The server counts a delivery once the receiver's answer is in: ask until it is.
  const delivered = /^review_server_webhook_deliveries_total\{result="delivered"\} 2$/m;
  let metrics = '';
  for (let i = 0; i < 200 && !delivered.test(metrics); i++) metrics = (await admin(base, '/metrics')).text;
  assert.match(metrics, delivered);
  assert.match(metrics, /^review_server_webhook_deliveries_total\{result="failed"\} 0$/m);
  assert.equal(hook.events.length, 3, 'the resend sent nothing');
});

test('a receiver that hangs never holds up the reader\'s request', async (t) => {
  let release;
  const held = new Promise((r) => { release = r; });
  const hook = await receiver(t, async () => { await held; return 200; });
  const { base } = await startModerated(t, { args: ['--moderation', 'pre', '--notify-url', hook.url] });
  const first = makeReview({ itemReviewed: 'slow' });
  assert.equal((await postReview(base, first)).status, 201);
  await hook.until(1); // the receiver has the event and does not answer...
  // ...while readers go on posting and getting their answers.
  for (let i = 0; i < 5; i++) assert.equal((await postReview(base, makeReview({ itemReviewed: 'slow' }))).status, 201);
  assert.equal(hook.events.length, 1, 'still held');
  release();
  await hook.until(6);
  assert.deepEqual(new Set(hook.events.map((e) => e.json.event)), new Set(['review.pending']));
});
