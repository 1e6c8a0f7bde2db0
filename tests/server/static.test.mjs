// The static side of review_server: MIME types, precompressed variants,
// caching, directory index, and nothing outside the root.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync, gzipSync, brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { rawGet, startServer, tempDir } from './helpers.mjs';

const appJs = 'export const answer = 42;\n'.repeat(50);
const wasm = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

// A site like dist/, next to a file that must stay private.
function makeSite(t) {
  const dir = tempDir(t, 'site');
  const root = join(dir, 'root');
  mkdirSync(join(root, 'articles'), { recursive: true });
  const files = {
    'index.html': '<!doctype html><title>Widget</title>',
    'app.js': appJs,
    'app.js.gz': gzipSync(appJs),
    'style.css': 'body{margin:0}',
    'widget.wasm': wasm,
    'widget.wasm.br': brotliCompressSync(wasm),
    'news-line.json': '{"version":"https://jsonfeed.org/version/1.1","items":[]}',
    'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'font.ttf': Buffer.from([0, 1, 0, 0]),
    'site.webmanifest': '{"name":"Widget"}',
    'widget.0123abcd.js': 'export {};',
    'articles/index.html': '<p>articles</p>',
    '.env': 'SECRET=1',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'linked-secret.txt'));
  return root;
}

test('static files get their MIME types', async (t) => {
  const { base } = await startServer(t, { root: makeSite(t) });
  const expected = {
    '/index.html': /^text\/html/,
    '/app.js': /^text\/javascript/,
    '/style.css': /^text\/css/,
    '/widget.wasm': /^application\/wasm$/,
    '/news-line.json': /^application\/json/,
    '/icon.svg': /^image\/svg\+xml$/,
    '/font.ttf': /^font\/ttf$/,
    '/site.webmanifest': /^application\/manifest\+json$/,
  };
  for (const [path, type] of Object.entries(expected)) {
    const r = await rawGet(base, path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers['content-type'], type, path);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', path);
  }
  const wasmResponse = await rawGet(base, '/widget.wasm');
  assert.deepEqual(wasmResponse.body, wasm);
});

test('precompressed variants are chosen by Accept-Encoding', async (t) => {
  const { base } = await startServer(t, { root: makeSite(t) });

  const gz = await rawGet(base, '/app.js', { 'Accept-Encoding': 'gzip, deflate' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gz.headers.vary, 'Accept-Encoding');
  assert.match(gz.headers['content-type'], /^text\/javascript/, 'the type of the file, not of the .gz');
  assert.equal(gunzipSync(gz.body).toString(), appJs, 'compressed once, not twice');

  for (const header of [undefined, 'identity', 'gzip;q=0, identity', 'br']) {
    const plain = await rawGet(base, '/app.js', header ? { 'Accept-Encoding': header } : {});
    assert.equal(plain.headers['content-encoding'], undefined, String(header));
    assert.equal(plain.headers.vary, 'Accept-Encoding', String(header));
    assert.equal(plain.body.toString(), appJs, String(header));
  }

  const br = await rawGet(base, '/widget.wasm', { 'Accept-Encoding': 'gzip, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.deepEqual(brotliDecompressSync(br.body), wasm);

  const fetched = await fetch(`${base}/app.js`); // what a browser-like client ends up with
  assert.equal(await fetched.text(), appJs);
});

test('content-hashed names are cached for a year, others revalidated', async (t) => {
  const { base } = await startServer(t, { root: makeSite(t) });
  assert.equal((await rawGet(base, '/widget.0123abcd.js')).headers['cache-control'], 'public, max-age=31536000, immutable');
  for (const path of ['/app.js', '/index.html', '/widget.wasm'])
    assert.equal((await rawGet(base, path)).headers['cache-control'], 'no-cache', path);

  const first = await rawGet(base, '/index.html');
  assert.ok(first.headers.etag, 'an ETag to revalidate with');
  const again = await rawGet(base, '/index.html', { 'If-None-Match': first.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
});

test('directories serve their index.html', async (t) => {
  const { base } = await startServer(t, { root: makeSite(t) });
  const root = await rawGet(base, '/');
  assert.equal(root.status, 200);
  assert.match(root.body.toString(), /<title>Widget<\/title>/);
  assert.match((await rawGet(base, '/articles/')).body.toString(), /articles/);
  const bare = await rawGet(base, '/articles');
  assert.equal(bare.status, 301);
  assert.equal(new URL(bare.headers.location, `${base}/articles`).pathname, '/articles/');
  assert.equal((await rawGet(base, '/missing.js')).status, 404);
});

test('paths that leave the root, hidden files and outward symlinks are refused', async (t) => {
  const { base } = await startServer(t, { root: makeSite(t) });
  const attempts = [
    '/../secret.txt',
    '/articles/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/articles/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/linked-secret.txt',
    '/.env',
    '/%2eenv',
    '/index.html%00.js',
  ];
  for (const path of attempts) {
    const r = await rawGet(base, path);
    assert.notEqual(r.status, 200, path);
    assert.ok(r.status >= 400, `${path} -> ${r.status}`);
    assert.ok(!r.body.toString().includes('SECRET'), path);
  }
  assert.equal((await rawGet(base, '/index.html')).status, 200, 'the site itself still works');
});

test('without --root only the API answers', async (t) => {
  const { base } = await startServer(t);
  assert.equal((await rawGet(base, '/index.html')).status, 404);
  assert.equal((await fetch(`${base}/api/reviews?item=x`)).status, 200);
});
