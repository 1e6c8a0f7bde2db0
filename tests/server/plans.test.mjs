// The public reads come from indexes, never from a scan of the table: the
// query plans of the list page, the summary and the visible state, on
// whichever engine this round runs (EXPLAIN through sqlite3 or psql).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { postgres, startServer, storeArgs, tempDir } from './helpers.mjs';

// Runs SQL on the database a data dir stands for; returns its output.
function sql(dataDir, text) {
  const [flag, where] = storeArgs(dataDir);
  if (flag === '--data-dir') return execFileSync('sqlite3', [join(where, 'reviews.db'), text], { encoding: 'utf8' });
  return execFileSync('psql', [where, '-qAtc', text], { encoding: 'utf8' });
}

const queries = {
  list: "SELECT seq, identifier FROM reviews WHERE item = 'item-7' AND visible = 1 AND seq < 999999 ORDER BY seq DESC LIMIT 51",
  summary: "SELECT rating, COUNT(*) FROM reviews WHERE item = 'item-7' AND visible = 1 GROUP BY rating",
  state: "SELECT COUNT(*) FROM reviews WHERE item = 'item-7' AND visible = 1",
};

test('the list, the summary and the visible state are read from indexes', async (t) => {
  const dataDir = tempDir(t, 'plans');
  const server = await startServer(t, { dataDir }); // creates the schema
  await server.kill('SIGTERM');
  // 20,000 reviews over 50 articles, a tenth of them not visible: enough for a planner to prefer an index.
  const rows = `SELECT 'id-' || n, 'item-' || (n % 50), 'Reader', '', 1 + n % 5, 'Text', '2024-01-01T00:00:00Z',
    '2024-01-01T00:00:00Z', CASE WHEN n % 10 = 0 THEN 'pending' ELSE 'published' END, CASE WHEN n % 10 = 0 THEN 0 ELSE 1 END`;
  const insert = 'INSERT INTO reviews (identifier, item, author_name, author_email, rating, body, date_created, date_published, status, visible)';
  if (postgres) sql(dataDir, `${insert} ${rows} FROM generate_series(1, 20000) AS n; ANALYZE reviews;`);
  else sql(dataDir, `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 20000) ${insert} ${rows} FROM g; ANALYZE;`);

  for (const [name, query] of Object.entries(queries)) {
    const plan = sql(dataDir, `${postgres ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${query}`);
    assert.doesNotMatch(plan, postgres ? /Seq Scan/ : /SCAN reviews(?! USING)/, `${name}:\n${plan}`);
    // PostgreSQL may go through a bitmap of the index until VACUUM has marked the pages all-visible.
    assert.match(plan, postgres ? /(Index (Only )?Scan( Backward)? using|Bitmap Index Scan on) reviews_(public|ratings)/
      : /USING (COVERING )?INDEX reviews_(public|ratings)/,
      `${name}:\n${plan}`);
  }
});
