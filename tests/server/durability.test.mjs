// A review the server acknowledged must survive the server being killed with
// SIGKILL in the middle of a burst of concurrent writes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listReviews, makeReview, postReview, startServer, tempDir } from './helpers.mjs';

test('every acknowledged review survives SIGKILL mid-burst', async (t) => {
  const dataDir = tempDir(t, 'kill');
  const server = await startServer(t, { dataDir, args: ['--rate-limit', '0'] });

  const items = ['burst-a', 'burst-b', 'burst-c', 'burst-d', 'burst-e'];
  const reviews = Array.from({ length: 400 }, (_, i) =>
    makeReview({ itemReviewed: items[i % items.length], reviewBody: `Burst review ${i}` }));
  const acknowledged = [];
  let failed = 0;
  let next = 0;
  let killing;
  const killAfter = 60;

  // Twenty clients posting as fast as they can; the kill lands while they are.
  const client = async () => {
    while (next < reviews.length) {
      const review = reviews[next++];
      try {
        const r = await postReview(server.base, review);
        if (r.status === 201) acknowledged.push(review);
        else assert.fail(`unexpected ${r.status}: ${r.text}`);
      } catch (e) {
        if (e.code === 'ERR_ASSERTION') throw e;
        failed++; // the server died under this request: not acknowledged, no promise made
      }
      if (acknowledged.length >= killAfter && !killing) killing = server.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: 20 }, client));
  await killing;

  assert.ok(acknowledged.length >= killAfter, `${acknowledged.length} acknowledged`);
  assert.ok(failed > 0, 'the kill must land mid-burst for this test to mean anything');
  assert.ok(acknowledged.length < reviews.length, 'some writes were cut off');

  const restarted = await startServer(t, { dataDir, args: ['--rate-limit', '0'] });
  const stored = new Map();
  for (const item of items) {
    const listed = await listReviews(restarted.base, item, '&limit=100');
    assert.ok(listed.json.length < 100, 'the whole list fits in one page');
    for (const r of listed.json) stored.set(r.identifier, r);
  }
  const lost = acknowledged.filter((r) => !stored.has(r.identifier));
  assert.deepEqual(lost.map((r) => r.identifier), [], `${lost.length} of ${acknowledged.length} acknowledged reviews lost`);
  for (const r of acknowledged) assert.equal(stored.get(r.identifier).reviewBody, r.reviewBody);
  // Unacknowledged ones may or may not be there; resending them is what the client's outbox does.
  const resent = await postReview(restarted.base, reviews.at(-1));
  assert.ok([200, 201].includes(resent.status));
});
