import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSql, type Sql } from '../../server/db/client';
import { NonUtf8DatabaseError } from '../../server/db/requireUtf8Database';
import { startTestServer, testEnv } from '../support/testServer';

let admin: Sql;
const name = `sb_test_ascii_${randomBytes(6).toString('hex')}`;
let url: string;

beforeAll(async () => {
  admin = createSql(inject('adminDatabaseUrl'), { max: 1 });
  // As `createdb` makes it where the server's locale is C and nobody asked for an encoding.
  await admin.unsafe(`create database ${name} encoding 'SQL_ASCII' lc_collate 'C' lc_ctype 'C' template template0`);
  const u = new URL(inject('adminDatabaseUrl'));
  u.pathname = `/${name}`;
  url = u.toString();
});
afterAll(async () => {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('the database’s encoding', () => {
  it('when DATABASE_URL names a SQL_ASCII database, then start-up refuses it, saying why and what to do, and writes nothing', async () => {
    const refused = await startTestServer(testEnv(url)).then(
      async (running) => {
        await running.stop();
        return null;
      },
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(NonUtf8DatabaseError);
    expect((refused as Error).message).toMatch(
      /^The database at DATABASE_URL uses the SQL_ASCII encoding; Switchboard needs UTF8/,
    );
    expect((refused as Error).message).toContain('createdb --encoding=UTF8');
    const sql = createSql(url, { max: 1 });
    try {
      expect(await sql`select to_regclass('public.schema_migrations') as t`).toEqual([{ t: null }]);
    } finally {
      await sql.end();
    }
  });
});
