import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoArticles } from '../../knowledge-base/seed/seedDemoArticles';
import { searchArticles } from '../../knowledge-base/search/searchArticles';
import { createSql, type Sql } from '../../server/db/client';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../server/db/embeddedPostgres';
import { migrate } from '../../server/db/migrate';
import { createLogger } from '../../server/logger';

// The trap of the embedded default: initialised without a locale it was SQL_ASCII, where Chinese vanished from
// search. Here the demo articles are searched on a fresh embedded PostgreSQL (18), whatever DATABASE_URL says.
let dataDir: string;
let pg: EmbeddedPostgresHandle | undefined;
let sql: Sql;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-kb-pg-'));
  fs.chmodSync(dataDir, 0o755);
  pg = await startEmbeddedPostgres(dataDir, createLogger('silent'));
  sql = createSql(pg.url, { max: 2 });
  await migrate(sql);
  await seedDemoArticles(sql, null);
}, 180_000);
afterAll(async () => {
  await sql?.end();
  await pg?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const titlesFound = async (q: string, audience: 'public' | 'agent' = 'public') =>
  (await searchArticles(sql, { q, audience })).hits.map((h) => h.title);

describe('knowledge search on a fresh embedded PostgreSQL', () => {
  it('when the database is made, then it is UTF-8 on PostgreSQL 18 with pg_trgm', async () => {
    const [row] = await sql<{ encoding: string; version: string; trgm: string | null }[]>`
      select pg_encoding_to_char(encoding) as encoding, current_setting('server_version_num') as version,
        (select extversion from pg_extension where extname = 'pg_trgm') as trgm
      from pg_database where datname = current_database()`;
    expect(row.encoding).toBe('UTF8');
    expect(Number(row.version)).toBeGreaterThanOrEqual(180000);
    expect(row.trgm).not.toBeNull();
  });

  it('when 退款, 发货, refund or refunds is searched, then the demo article about it is found, title first', async () => {
    expect((await titlesFound('退款'))[0]).toBe('如何申请退款');
    expect(await titlesFound('发货')).toContain('我的订单什么时候发货？');
    expect((await titlesFound('refund'))[0]).toBe('How to request a refund');
    expect((await titlesFound('refunds'))[0]).toBe('How to request a refund');
  });

  it('when the public searches, then the internal article is not among the hits, while agents find it', async () => {
    expect(await titlesFound('退款审批')).not.toContain('退款审批权限（内部）');
    expect(await titlesFound('退款审批', 'agent')).toContain('退款审批权限（内部）');
  });

  it('when a word is mistyped, then the title is still found through trigrams', async () => {
    const found = await searchArticles(sql, { q: 'pasword', audience: 'public' });
    expect(found.fuzzy).toBe(true);
    expect(found.hits.map((h) => h.title)).toContain('Resetting your password');
  });
});
