// The operator's commands: export (JSON Lines), import (idempotent), backup
// (consistent while the server writes), and the schema migrations of old data dirs.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  admin, listReviews, makeReview, postReview, serverBinary, sqliteOnly, startModerated, startServer, storeArgs, tempDir,
} from './helpers.mjs';

function run(args) {
  return new Promise((resolve) => {
    const proc = spawn(serverBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => { stdout += d; });
    proc.stderr.on('data', (d) => { stderr += d; });
    proc.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const sqlite = (file, sql) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();

test('export writes one schema.org Review with its status per line; erased reviews are not in it', async (t) => {
  const dataDir = tempDir(t, 'export');
  const { base } = await startModerated(t, { dataDir, args: ['--moderation', 'pre'] });
  const reviews = [makeReview({ itemReviewed: 'e1' }), makeReview({ itemReviewed: 'e2', author: { name: 'Q' } }),
    makeReview({ itemReviewed: 'e1', reviewBody: 'Line one\nLine "two" <b>' })];
  for (const r of reviews) await postReview(base, r);
  await admin(base, `/api/admin/reviews/${reviews[0].identifier}/publish`, { method: 'POST' });
  await admin(base, `/api/admin/reviews/${reviews[1].identifier}`, { method: 'DELETE' });

  const out = await run(['export', ...storeArgs(dataDir)]); // while the server runs
  assert.equal(out.code, 0, out.stderr);
  const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.identifier, l.status]),
    [[reviews[0].identifier, 'published'], [reviews[2].identifier, 'pending']], 'oldest first, the deleted one gone');
  assert.equal(lines[0]['@type'], 'Review');
  assert.equal(lines[0]['@context'], 'https://schema.org');
  assert.equal(lines[0].author.email, 'anna@example.com', 'an export is the operator\'s whole data');
  assert.equal(lines[1].reviewBody, 'Line one\nLine "two" <b>');
  assert.match(lines[1].datePublished, /Z$/);
  assert.match(out.stderr, /exported 2 reviews/);
  assert.ok(!out.stdout.includes(reviews[1].identifier));
});

test('import is idempotent by identifier, keeps statuses, and refuses a bad file whole', async (t) => {
  const from = tempDir(t, 'from');
  const { base } = await startModerated(t, { dataDir: from, args: ['--moderation', 'pre'] });
  const reviews = Array.from({ length: 5 }, (_, i) => makeReview({ itemReviewed: 'imp', reviewBody: `Imported ${i}` }));
  for (const r of reviews) await postReview(base, r);
  await admin(base, `/api/admin/reviews/${reviews[1].identifier}/publish`, { method: 'POST' });
  await admin(base, `/api/admin/reviews/${reviews[2].identifier}/reject`, { method: 'POST' });
  const dump = join(tempDir(t, 'dump'), 'reviews.jsonl');
  writeFileSync(dump, (await run(['export', ...storeArgs(from)])).stdout);

  const to = tempDir(t, 'to');
  const first = await run(['import', ...storeArgs(to), dump]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /imported 5 new of 5/);
  const again = await run(['import', ...storeArgs(to), dump]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /imported 0 new of 5/);
  assert.equal((await run(['export', ...storeArgs(to)])).stdout, (await run(['export', ...storeArgs(from)])).stdout);

  const bad = join(tempDir(t, 'bad'), 'bad.jsonl');
  writeFileSync(bad, `${JSON.stringify({ ...makeReview(), datePublished: '2024-03-17T18:30:00Z' })}\n{"identifier": 12}\n`);
  const refused = await run(['import', ...storeArgs(to), bad]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /bad\.jsonl:2: identifier/);
  assert.match((await run(['export', ...storeArgs(to)])).stderr, /exported 5 reviews/, 'nothing of the bad file went in');

  const server = await startServer(t, { dataDir: to });
  assert.deepEqual((await listReviews(server.base, 'imp')).json.map((r) => r.identifier), [reviews[1].identifier]);
  assert.equal((await run(['import', ...storeArgs(to)])).code, 2, 'the file is required');
});

test('backup is consistent while reviews are being posted', { skip: sqliteOnly }, async (t) => {
  const dataDir = tempDir(t, 'live');
  const { base } = await startServer(t, { dataDir, args: ['--rate-limit', '0'] });
  const acknowledged = [];
  let stop = false;
  const writer = async () => {
    for (let i = 0; !stop && i < 2000; i++) {
      const review = makeReview({ itemReviewed: 'live', reviewBody: `Live review ${i}` });
      if ((await postReview(base, review)).status === 201) acknowledged.push(review.identifier);
    }
  };
  const writers = Array.from({ length: 4 }, writer);
  while (acknowledged.length < 30) await new Promise((r) => setImmediate(r)); // wait for writes to flow
  // A backup can be quicker than the next acknowledgement on a busy machine: backed up
  // again (a bounded few times) until writes were acknowledged while one ran.
  const file = join(tempDir(t, 'backup'), 'copy.db');
  let before, out, during = false;
  for (let i = 0; i < 20 && !during; i++) {
    before = new Set(acknowledged);
    out = await run(['backup', '--data-dir', dataDir, file]);
    during = acknowledged.length > before.size;
    if (out.code !== 0) break;
  }
  stop = true;
  await Promise.all(writers);
  assert.equal(out.code, 0, out.stderr);
  assert.ok(during, 'writes went on during a backup');
  assert.equal(sqlite(file, 'PRAGMA integrity_check'), 'ok');
  assert.ok(!existsSync(`${file}.partial`));
  const inCopy = new Set(sqlite(file, 'SELECT identifier FROM reviews').split('\n'));
  for (const id of before) assert.ok(inCopy.has(id), `${id}, acknowledged before the backup, is in it`);
  // The copy is a data dir of its own.
  const restored = tempDir(t, 'restored');
  execFileSync('cp', [file, join(restored, 'reviews.db')]);
  const server = await startServer(t, { dataDir: restored });
  assert.equal((await listReviews(server.base, 'live', '&limit=100')).status, 200);
  assert.equal(sqlite(join(restored, 'reviews.db'), 'SELECT COUNT(*) FROM reviews'), String(inCopy.size));
});

test('a data dir of the first release (no schema_version) is upgraded and keeps its reviews', { skip: sqliteOnly }, async (t) => {
  const dataDir = tempDir(t, 'v1');
  mkdirSync(dataDir, { recursive: true });
  const db = join(dataDir, 'reviews.db');
  sqlite(db, `CREATE TABLE reviews (seq INTEGER PRIMARY KEY, identifier TEXT NOT NULL UNIQUE, item TEXT NOT NULL,
    author_name TEXT NOT NULL, author_email TEXT NOT NULL, rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body TEXT NOT NULL, date_created TEXT NOT NULL, date_published TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('published', 'pending')));
    CREATE INDEX reviews_by_item ON reviews (item, status, seq);
    INSERT INTO reviews VALUES (1, '11111111-1111-4111-8111-111111111111', 'old', 'Old Reader', 'old@example.com', 5,
      'Written before moderation existed.', '2024-01-01T00:00:00Z', '2024-01-01T00:00:01.000Z', 'published');
    INSERT INTO reviews VALUES (2, '22222222-2222-4222-8222-222222222222', 'old', 'Waiting', '', 3,
      'Pending since the old days.', '2024-01-02T00:00:00Z', '2024-01-02T00:00:01.000Z', 'pending');`);
  const { base } = await startModerated(t, { dataDir });
  assert.deepEqual((await listReviews(base, 'old')).json.map((r) => r.author.name), ['Old Reader']);
  assert.equal(sqlite(db, 'SELECT group_concat(version) FROM schema_version'), '1,2,3');
  const pending = await admin(base, '/api/admin/reviews?status=pending');
  assert.equal(pending.json.reviews[0].identifier, '22222222-2222-4222-8222-222222222222');
  assert.equal((await admin(base, '/api/admin/reviews/22222222-2222-4222-8222-222222222222/reject', { method: 'POST' })).status, 200);
  const next = makeReview({ itemReviewed: 'old' });
  await postReview(base, next);
  assert.deepEqual((await listReviews(base, 'old')).json.map((r) => r.identifier),
    [next.identifier, '11111111-1111-4111-8111-111111111111']);
});

test('a database from a newer release is refused, not damaged', { skip: sqliteOnly }, async (t) => {
  const dataDir = tempDir(t, 'future');
  const first = await startServer(t, { dataDir });
  await first.kill('SIGTERM');
  sqlite(join(dataDir, 'reviews.db'), "INSERT INTO schema_version VALUES (99, 'later')");
  await assert.rejects(startServer(t, { dataDir }), /schema version 99, newer than this review_server/);
});
