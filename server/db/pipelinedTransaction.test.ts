import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSql, type Sql } from './client';
import { pipelinedTransaction } from './pipelinedTransaction';

let sql: Sql;
const table = `pipelined_tx_${process.pid}`;
const rows = async () => (await sql.unsafe<{ v: number }[]>(`select v from ${table} order by v`)).map((r) => r.v);

beforeAll(async () => {
  sql = createSql(inject('adminDatabaseUrl'), { max: 2 });
  await sql.unsafe(`create table ${table} (v int primary key)`);
});
afterAll(async () => {
  await sql.unsafe(`drop table if exists ${table}`);
  await sql.end({ timeout: 5 });
});

describe('a transaction whose BEGIN is pipelined with its first statements', () => {
  it('when the work succeeds, then all of it commits, on one connection inside one transaction', async () => {
    const seen = await pipelinedTransaction(sql, async (tx) => {
      const [a] = await Promise.all([
        tx<{ pid: number; xid: string }[]>`select pg_backend_pid() as pid, pg_current_xact_id()::text as xid`,
        tx.unsafe(`insert into ${table} values (1)`),
      ]);
      await tx.unsafe(`insert into ${table} values (2)`);
      const [b] = await tx<
        { pid: number; xid: string }[]
      >`select pg_backend_pid() as pid, pg_current_xact_id()::text as xid`;
      return [a[0], b];
    });
    expect(seen[1]).toEqual(seen[0]);
    expect(await rows()).toEqual([1, 2]);
  });

  it('when the work throws, then nothing it wrote stays', async () => {
    await expect(
      pipelinedTransaction(sql, async (tx) => {
        await tx.unsafe(`insert into ${table} values (10)`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await rows()).not.toContain(10);
  });

  it('when a statement fails and the work catches it, then the commit is refused and nothing it wrote stays', async () => {
    await expect(
      pipelinedTransaction(sql, async (tx) => {
        await tx.unsafe(`insert into ${table} values (20)`);
        await tx.unsafe(`insert into ${table} values (1)`).catch(() => 'duplicate, ignored');
      }),
    ).rejects.toThrow('rolled back');
    expect(await rows()).not.toContain(20);
    // The connection went back to the pool usable, outside any transaction (an aborted one would refuse these).
    const reads = await Promise.all([sql`select 1 as one`, sql`select 1 as one`]);
    expect(reads.map((r) => r[0].one)).toEqual([1, 1]);
  });

  it('when work under a savepoint fails, then only that part is undone and the rest commits', async () => {
    await pipelinedTransaction(sql, async (tx) => {
      await tx.unsafe(`insert into ${table} values (30)`);
      await expect(
        tx.savepoint(async (sp) => {
          await sp.unsafe(`insert into ${table} values (31)`);
          await sp.unsafe(`insert into ${table} values (30)`);
        }),
      ).rejects.toThrow(/duplicate key/);
      const kept = await tx.savepoint('named', async (sp) => {
        await sp.unsafe(`insert into ${table} values (32)`);
        return 'kept';
      });
      expect(kept).toBe('kept');
    });
    const now = await rows();
    expect(now).toEqual(expect.arrayContaining([30, 32]));
    expect(now).not.toContain(31);
  });
});
