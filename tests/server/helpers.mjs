// Shared by the review_server tests: start the real binary on a free port with
// its own temporary data directory, and build reviews.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const serverBinary =
  process.env.REVIEW_SERVER ?? fileURLToPath(new URL('../../build/native/src/server/review_server', import.meta.url));

// With REVIEW_TEST_POSTGRES=postgresql://USER@HOST:PORT (tests/run.sh sets it for its second
// round) every server and command runs on PostgreSQL: each data dir stands for a database of its
// own, so a test that restarts a server on its data dir finds its reviews again.
export const postgres = process.env.REVIEW_TEST_POSTGRES;
const databases = new Map();

export function storeArgs(dataDir) {
  if (!postgres) return ['--data-dir', dataDir];
  if (!databases.has(dataDir)) {
    const name = `aw_${randomUUID().replaceAll('-', '')}`;
    const url = new URL(postgres);
    execFileSync('psql', ['-h', url.hostname, '-p', url.port, '-U', url.username || 'postgres', '-d', 'postgres', '-qc',
      `CREATE DATABASE ${name}`]);
    databases.set(dataDir, `${postgres}/${name}`);
  }
  return ['--database', databases.get(dataDir)];
}

// Skips a test that is about SQLite's files when the suite runs on PostgreSQL.
export const sqliteOnly = postgres ? 'about SQLite files; this round runs on PostgreSQL' : false;

export function tempDir(t, prefix) {
  const dir = mkdtempSync(join(tmpdir(), `aw-${prefix}-`));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// Starts review_server with --port 0 and resolves once it says where it listens.
// Killed after the test unless the test stopped it first.
export async function startServer(t, { dataDir, root, args = [], env } = {}) {
  if (!existsSync(serverBinary)) throw new Error(`${serverBinary} is missing: build it with cmake --build build/native`);
  dataDir ??= tempDir(t, 'data');
  const argv = ['--port', '0', ...storeArgs(dataDir), ...(root ? ['--root', root] : []), ...args];
  const proc = spawn(serverBinary, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let log = '';
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`review_server did not start:\n${log}`)), 5000);
    proc.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /listening on (http:\/\/\S+:\d+) /.exec(log);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.once('error', (e) => { clearTimeout(timer); reject(e); });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`review_server exited (${code}):\n${log}`)); });
  });
  const server = {
    base,
    dataDir,
    exited,
    log: () => log,
    kill: async (signal = 'SIGKILL') => { proc.kill(signal); return exited; },
  };
  // SIGKILL: quick, and the server is built to survive it (see durability.test.mjs).
  t.after(async () => { if (proc.exitCode === null && proc.signalCode === null) await server.kill('SIGKILL'); });
  return server;
}

let clock = Date.parse('2024-03-17T18:30:00Z');

export function makeReview(overrides = {}) {
  clock += 1000;
  return {
    '@context': 'https://schema.org',
    '@type': 'Review',
    identifier: randomUUID(),
    itemReviewed: 'stoltenberg-baku',
    author: { '@type': 'Person', name: 'Anna Aliyeva', email: 'anna@example.com' },
    reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5 },
    reviewBody: 'A clear and balanced account.',
    dateCreated: new Date(clock).toISOString(),
    ...overrides,
  };
}

export async function postReview(base, review) {
  const body = typeof review === 'string' ? review : JSON.stringify(review);
  const res = await fetch(`${base}/api/reviews`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

export async function listReviews(base, item, query = '') {
  const res = await fetch(`${base}/api/reviews?item=${encodeURIComponent(item)}${query}`);
  return { status: res.status, headers: res.headers, json: await res.json() };
}

// A GET with exactly this path and these headers (fetch would normalise "..", and decode bodies).
export function rawGet(base, path, headers = {}) {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

export const adminToken = 'moderators-secret-0123456789';

// A server with moderation set up (the token in REVIEW_ADMIN_TOKEN) and no rate limit unless asked.
export function startModerated(t, { args = [], ...rest } = {}) {
  return startServer(t, { args: ['--rate-limit', '0', ...args], env: { REVIEW_ADMIN_TOKEN: adminToken }, ...rest });
}

// A moderators' API call; `token` null sends no Authorization at all.
export async function admin(base, path, { method = 'GET', token = adminToken, headers = {} } = {}) {
  const auth = token === null ? {} : { Authorization: `Bearer ${token}` };
  const res = await fetch(`${base}${path}`, { method, headers: { ...auth, ...headers } });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

export async function report(base, identifier, body, headers = {}) {
  const res = await fetch(`${base}/api/reviews/${identifier}/report`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

// POSTs a review as if it came through a proxy for `reader` (the server must trust 127.0.0.1).
export async function postReviewAs(base, review, reader) {
  const res = await fetch(`${base}/api/reviews`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': reader }, body: JSON.stringify(review),
  });
  return { status: res.status, headers: res.headers, json: await res.json() };
}
