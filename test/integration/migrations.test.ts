import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSql } from '../../server/db/client';
import { migrate, readMigrations } from '../../server/db/migrate';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const databases: TestDatabase[] = [];
async function freshDatabase() {
  const db = await createTestDatabase({ migrated: false });
  databases.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

async function recorded(db: TestDatabase) {
  return (await db.sql<{ name: string }[]>`select name from schema_migrations order by name`).map((r) => r.name);
}

async function tableExists(db: TestDatabase, table: string) {
  const [{ exists }] = await db.sql<
    { exists: boolean }[]
  >`select to_regclass(${`public.${table}`}) is not null as exists`;
  return exists;
}

function runMigrateCommand(
  databaseUrl: string,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('npm', ['run', '--silent', 'migrate'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm run migrate did not exit within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('migrations', () => {
  it('when migrations are applied twice, then the second run applies nothing and each file is recorded once', async () => {
    const db = await freshDatabase();
    const files = (await readMigrations()).map((m) => m.name);
    expect(files.length).toBeGreaterThan(0);

    expect(await migrate(db.sql)).toEqual(files);
    expect(await migrate(db.sql)).toEqual([]);
    expect(await recorded(db)).toEqual(files);
    expect(await tableExists(db, 'tickets')).toBe(true);
  });

  it('when two processes migrate the same database at once, then both succeed and every migration is applied exactly once', async () => {
    const db = await freshDatabase();
    const files = (await readMigrations()).map((m) => m.name);
    const first = createSql(db.url, { max: 2 });
    const second = createSql(db.url, { max: 2 });
    try {
      const [a, b] = await Promise.all([migrate(first), migrate(second)]);
      // One of them did the work, the other waited for the lock and found nothing left to do.
      expect([...a, ...b].sort()).toEqual(files);
      expect([a, b]).toContainEqual([]);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    expect(await recorded(db)).toEqual(files);
    for (const table of ['users', 'tickets', 'messages', 'calls', 'callbacks'])
      expect(await tableExists(db, table)).toBe(true);
  });

  it('when the client has a single connection, then migrating still completes (the lock and the work share it)', async () => {
    const db = await freshDatabase();
    const single = createSql(db.url, { max: 1 });
    try {
      const applied = await migrate(single);
      expect(applied).toEqual((await readMigrations()).map((m) => m.name));
    } finally {
      await single.end();
    }
  });

  it('when an applied migration file was edited afterwards, then migrating refuses and names the file', async () => {
    const db = await freshDatabase();
    await migrate(db.sql);
    const migrations = await readMigrations();
    const [edited, ...rest] = migrations;
    const sql = `${edited.sql}\n-- an afterthought\n`;
    const changed = [{ ...edited, sql, checksum: createHash('sha256').update(sql).digest('hex') }, ...rest];

    await expect(migrate(db.sql, changed)).rejects.toThrow(new RegExp(`${edited.name.replace('.', '\\.')}.*changed`));
  });

  it('when a migration fails, then nothing of it is recorded and the migrations before it stay applied', async () => {
    const db = await freshDatabase();
    const good = await readMigrations();
    const broken = [...good, { name: '999_broken.sql', sql: 'create table oops (', checksum: 'x' }];

    await expect(migrate(db.sql, broken)).rejects.toThrow();

    expect(await recorded(db)).toEqual(good.map((m) => m.name));
    expect(await tableExists(db, 'tickets')).toBe(true);
    // Fixing the file and running again applies it then.
    const fixed = [...good, { name: '999_broken.sql', sql: 'create table oops (id int)', checksum: 'y' }];
    expect(await migrate(db.sql, fixed)).toEqual(['999_broken.sql']);
  });

  it('when `npm run migrate` runs on a fresh database, then it prints the files it applied; run again, it says the database is up to date', async () => {
    const db = await freshDatabase();
    const files = (await readMigrations()).map((m) => m.name);

    const first = await runMigrateCommand(db.url);
    expect(first.stderr).not.toMatch(/Migration failed/);
    expect(first.code).toBe(0);
    for (const file of files) expect(first.stdout).toContain(file);
    expect(await recorded(db)).toEqual(files);

    const second = await runMigrateCommand(db.url);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Database is up to date.');
  });
});
