import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSql } from '../../server/db/client';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../server/db/embeddedPostgres';
import { createLogger } from '../../server/logger';

const log = createLogger('silent');
let dataDir: string;
let running: EmbeddedPostgresHandle | undefined;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-embedded-pg-'));
  // Postgres runs as the `postgres` system user when we are root; it must be able to reach the folder.
  fs.chmodSync(dataDir, 0o755);
});
afterAll(async () => {
  await running?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL (no DATABASE_URL)', () => {
  it(
    'when started, stopped and started again on the same data folder, then the data written before is still there',
    { timeout: 180_000 },
    async () => {
      running = await startEmbeddedPostgres(dataDir, log);
      expect(running.url).toMatch(/^postgres:\/\/[^@]+@127\.0\.0\.1:\d+\/postgres$/);
      const first = createSql(running.url, { max: 1 });
      try {
        await first`create table kept (note text not null)`;
        await first`insert into kept (note) values ('written before the restart')`;
      } finally {
        await first.end();
      }
      await running.stop();
      running = undefined;
      expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

      running = await startEmbeddedPostgres(dataDir, log);
      const second = createSql(running.url, { max: 1 });
      try {
        expect(await second`select note from kept`).toEqual([{ note: 'written before the restart' }]);
      } finally {
        await second.end();
      }
      await running.stop();
      running = undefined;
    },
  );

  it(
    'when an earlier run left its server running on the data folder, then a new start stops that one and starts its own',
    { timeout: 180_000 },
    async () => {
      const leftOver = await startEmbeddedPostgres(dataDir, log);
      const pid = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(isAlive(pid)).toBe(true);

      // No stop(): as after a crash of the process that started it.
      running = await startEmbeddedPostgres(dataDir, log);
      expect(isAlive(pid)).toBe(false);
      expect(running.url).not.toBe(leftOver.url);
      const sql = createSql(running.url, { max: 1 });
      try {
        expect(await sql`select 1 as ok`).toEqual([{ ok: 1 }]);
      } finally {
        await sql.end();
      }
    },
  );
});

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
