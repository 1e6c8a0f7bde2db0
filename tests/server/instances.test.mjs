// Several instances on one PostgreSQL database: one truth whatever instance a
// request reaches, nothing acknowledged lost when an instance is killed, and
// 503 + Retry-After while PostgreSQL restarts, after which the pool reconnects.
// Runs in tests/run.sh's PostgreSQL round (REVIEW_TEST_POSTGRES).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { listReviews, makeReview, postgres, postReview, startServer, tempDir } from './helpers.mjs';

const skip = postgres ? false : 'needs PostgreSQL: tests/run.sh starts one for its second round';
const cluster = process.env.REVIEW_TEST_POSTGRES_DIR;
const control = fileURLToPath(new URL('./postgres.sh', import.meta.url));

const pg = (command) =>
  new Promise((resolve, reject) => execFile(control, [command, cluster], (e) => (e ? reject(e) : resolve())));

async function allOf(base, item) {
  const out = [];
  let path = `/api/reviews?item=${item}&limit=100`;
  for (let pages = 0; path && pages < 100; pages++) {
    const res = await fetch(`${base}${path}`, { headers: { 'Cache-Control': 'no-cache' } });
    out.push(...(await res.json()));
    path = res.headers.get('link') && /^<([^>]+)>/.exec(res.headers.get('link'))[1];
  }
  return out;
}

test('two instances started together migrate once; the same identifier sent to both at once is stored once', { skip }, async (t) => {
  const dataDir = tempDir(t, 'shared'); // one data dir: one database
  const [a, b] = await Promise.all([0, 1].map(() => startServer(t, { dataDir, args: ['--rate-limit', '0'] })));
  const reviews = Array.from({ length: 60 }, (_, i) => makeReview({ itemReviewed: 'twice', reviewBody: `Sent twice ${i}` }));
  const answers = await Promise.all(reviews.map((r) => Promise.all([postReview(a.base, r), postReview(b.base, r)])));
  for (const [fromA, fromB] of answers) {
    assert.deepEqual([fromA.status, fromB.status].sort(), [200, 201], 'one stored it, the other found it');
    assert.deepEqual(fromA.json, fromB.json, 'both answer with the stored review');
  }
  const [onA, onB] = [await allOf(a.base, 'twice'), await allOf(b.base, 'twice')];
  assert.equal(onA.length, reviews.length);
  assert.deepEqual(onA, onB);
  assert.deepEqual(new Set(onA.map((r) => r.identifier)), new Set(reviews.map((r) => r.identifier)));
});

test('an instance SIGKILLed mid-burst loses no acknowledged review', { skip }, async (t) => {
  const dataDir = tempDir(t, 'kill2');
  const a = await startServer(t, { dataDir, args: ['--rate-limit', '0'] });
  const b = await startServer(t, { dataDir, args: ['--rate-limit', '0'] });
  const reviews = Array.from({ length: 300 }, (_, i) => makeReview({ itemReviewed: 'killed', reviewBody: `Burst ${i}` }));
  const acknowledged = [];
  let next = 0;
  let failed = 0;
  let killing;
  const client = async (n) => {
    while (next < reviews.length) {
      const review = reviews[next++];
      const target = (n + next) % 2 ? a : b;
      try {
        const r = await postReview(target.base, review);
        assert.ok([200, 201].includes(r.status), `${r.status}: ${r.text}`);
        acknowledged.push(review.identifier);
      } catch (e) {
        if (e.code === 'ERR_ASSERTION') throw e;
        failed++; // a's requests once it is gone
      }
      if (acknowledged.length >= 60 && !killing) killing = a.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: 16 }, (_, n) => client(n)));
  await killing;
  assert.ok(failed > 0, 'the kill landed mid-burst');
  const stored = new Set((await allOf(b.base, 'killed')).map((r) => r.identifier));
  const lost = acknowledged.filter((id) => !stored.has(id));
  assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged reviews lost`);
});

test('while PostgreSQL restarts under load requests get 503 with Retry-After, then the pool reconnects and nothing acknowledged is lost',
  { skip: skip || (!cluster && 'REVIEW_TEST_POSTGRES_DIR is not set') }, async (t) => {
    const dataDir = tempDir(t, 'restart');
    const server = await startServer(t, { dataDir, args: ['--rate-limit', '0'] });
    const acknowledged = new Set();
    const unavailable = [];
    let phase = 'before'; // before -> restarting -> after
    let afterRestart = 0;
    // Each client behaves like the widget's outbox: a review is resent until it is acknowledged.
    const client = async () => {
      for (let sent = 0; sent < 400 && !(phase === 'after' && afterRestart >= 40); sent++) {
        const review = makeReview({ itemReviewed: 'restart' });
        for (let tries = 0; tries < 2000; tries++) {
          const r = await postReview(server.base, review);
          if (r.status === 200 || r.status === 201) {
            acknowledged.add(review.identifier);
            if (phase === 'after') afterRestart++;
            break;
          }
          assert.equal(r.status, 503, r.text);
          unavailable.push(r.headers.get('retry-after'));
          await new Promise((resolve) => setTimeout(resolve, 20)); // a quick outbox: the test has no time to wait 2 s
        }
      }
    };
    const clients = Array.from({ length: 6 }, client);
    while (acknowledged.size < 40) await new Promise((r) => setTimeout(r, 10));
    phase = 'restarting';
    await pg('restart');
    phase = 'after';
    await Promise.all(clients);

    assert.ok(unavailable.length > 0, 'some requests met the restart');
    assert.ok(unavailable.every((v) => Number(v) >= 1), `Retry-After on every 503: ${unavailable.slice(0, 5)}`);
    assert.ok(afterRestart >= 40, 'the pool reconnected and reviews are stored again');
    assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
    const stored = new Set((await allOf(server.base, 'restart')).map((r) => r.identifier));
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged reviews lost`);
    assert.ok((await listReviews(server.base, 'restart')).json.length > 0);
  });

test('while PostgreSQL is down /healthz and writes answer 503 with Retry-After; they recover by themselves',
  { skip: skip || (!cluster && 'REVIEW_TEST_POSTGRES_DIR is not set') }, async (t) => {
    const { base } = await startServer(t, { dataDir: tempDir(t, 'down'), args: ['--rate-limit', '0'] });
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    await pg('pause');
    t.after(() => pg('resume').catch(() => {})); // the next tests need it whatever happens here
    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 503);
    assert.ok(Number(health.headers.get('retry-after')) >= 1);
    const posted = await postReview(base, makeReview({ itemReviewed: 'down' }));
    assert.equal(posted.status, 503, posted.text);
    assert.ok(Number(posted.headers.get('retry-after')) >= 1);
    assert.match(posted.json.error, /try again/);
    assert.equal((await fetch(`${base}/api/reviews?item=never-asked`)).status, 503);
    await pg('resume');
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await fetch(`${base}/healthz`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 50)); // PostgreSQL is still starting
    }
    assert.equal(status, 200, 'the pool reconnected');
    assert.equal((await postReview(base, makeReview({ itemReviewed: 'down' }))).status, 201);
  });
