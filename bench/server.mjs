// The project's review_server serving one static root on a loopback port, as
// every browser bench needs it (bench/browser.mjs, bench/settled.mjs).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

export async function startServer(root) {
  const dataDir = mkdtempSync(join(tmpdir(), 'aw-bench-'));
  const proc = spawn(join(repo, 'build/native/src/server/review_server'),
    ['--root', root, '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`review_server did not start: ${stderr}`)), 10000);
    proc.stderr.on('data', (d) => {
      stderr += d;
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/?$/, '/')); }
    });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`review_server exited (${code}): ${stderr}`)); });
  });
  return {
    url,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
