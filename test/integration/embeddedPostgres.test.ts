import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSql } from '../../server/db/client';
import {
  loadEmbeddedPostgres,
  startEmbeddedPostgres,
  utf8LocaleFlags,
  type EmbeddedPostgresHandle,
} from '../../server/db/embeddedPostgres';
import { NonUtf8DatabaseError } from '../../server/db/requireUtf8Database';
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

describe('the embedded database’s encoding', () => {
  let folder: string;
  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-embedded-pg-utf8-'));
    fs.chmodSync(folder, 0o755);
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it(
    'when a fresh data folder is initialised where the environment names no locale, then the database is UTF-8 with a UTF-8 locale and keeps Chinese words in search',
    { timeout: 180_000 },
    async () => {
      const dir = path.join(folder, 'fresh');
      fs.mkdirSync(dir, { mode: 0o755 });
      // initdb inherits the environment; without a locale there it made the SQL_ASCII databases of older versions.
      const environment = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_CTYPE: process.env.LC_CTYPE };
      for (const name of Object.keys(environment)) delete process.env[name];
      const pg = await startEmbeddedPostgres(dir, log).finally(() => {
        for (const [name, value] of Object.entries(environment)) if (value !== undefined) process.env[name] = value;
      });
      const sql = createSql(pg.url, { max: 1 });
      try {
        const [{ encoding, ctype }] = await sql<{ encoding: string; ctype: string }[]>`
          select pg_encoding_to_char(encoding) as encoding, datctype as ctype from pg_database where datname = current_database()`;
        expect(encoding).toBe('UTF8');
        const expectedLocale = utf8LocaleFlags()[0] === '--no-locale' ? 'C' : /^c\.utf-?8$/i;
        expect(ctype).toMatch(expectedLocale);
        // On SQL_ASCII these words vanish from the vector: the trap issue 17 describes.
        const [{ words }] = await sql<
          { words: string }[]
        >`select to_tsvector('simple', '如何 申请 退款')::text as words`;
        expect(words).toBe("'如何':1 '申请':2 '退款':3");
      } finally {
        await sql.end();
        await pg.stop();
      }
    },
  );

  it(
    'when the data folder was made by an older version as SQL_ASCII, then start-up stops it and says what to do, leaving the folder as it was',
    { timeout: 180_000 },
    async () => {
      const dir = path.join(folder, 'older');
      fs.mkdirSync(dir, { mode: 0o755 });
      // As the older version initialised it: no encoding and no locale given.
      const EmbeddedPostgres = await loadEmbeddedPostgres();
      await new EmbeddedPostgres({
        databaseDir: path.join(dir, 'postgres'),
        user: 'switchboard',
        password: 'switchboard',
        authMethod: 'scram-sha-256',
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--no-locale', '--encoding=SQL_ASCII'],
        onLog: () => {},
        onError: () => {},
      }).initialise();

      const refused = await startEmbeddedPostgres(dir, log).then(
        () => null,
        (err: unknown) => err,
      );
      expect(refused).toBeInstanceOf(NonUtf8DatabaseError);
      const message = (refused as Error).message;
      expect(message).toContain(`${path.join(dir, 'postgres')} holds a SQL_ASCII database`);
      expect(message).toContain('move the folder away');
      expect(message).toContain('DATABASE_URL');
      // Stopped, and untouched: the folder is still the old one, for the user to dump or move.
      expect(fs.existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'postgres', 'PG_VERSION'))).toBe(true);
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
