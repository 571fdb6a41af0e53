import { inject, describe, expect, it } from 'vitest';
import { createSql, unixSocketOf } from './client';

/**
 * postgres@3.4.9 wrote a transaction's BEGIN without reserving the connection whenever BEGIN was the query that
 * filled the connection's pipeline (or met a backed-up socket): the transaction failed with UNSAFE_TRANSACTION,
 * or other queries ran inside it (porsager/postgres#823, #1189). Under load this lost inbound webhooks with a 500.
 * patches/postgres+3.4.9.patch fixes the driver; this reproduces the exact case deterministically.
 */
describe('the PostgreSQL client under a full pipeline', () => {
  it('when BEGIN is the 100th query pipelined on a busy connection, then the transaction still runs on its own reserved connection', async () => {
    const sql = createSql(inject('adminDatabaseUrl'), { max: 2 });
    try {
      await Promise.all([sql`select 1`, sql`select 1`]);
      // Both connections busy with a slow query, then 203 quick ones pipelined behind them (alternating), so the
      // BEGIN issued in the next turn lands as the 100th query in flight on one of them: the pipeline's limit.
      const work = [sql`select pg_sleep(0.2)`.execute(), sql`select pg_sleep(0.2)`.execute()];
      for (let i = 0; i < 203; i++) work.push(sql`select ${i}::int as i`.execute());
      await new Promise((resolve) => setImmediate(resolve));
      const inTransaction = sql.begin(async (tx) => {
        const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        await tx`select pg_sleep(0.05)`;
        const [again] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        return { first: row.pid, again: again.pid };
      });
      const [settled, transaction] = await Promise.all([Promise.allSettled(work), inTransaction]);
      expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(transaction.again).toBe(transaction.first);
      // Nothing was left open: no backend of ours idles inside a transaction.
      const [{ open }] = await sql<{ open: number }[]>`
        select count(*)::int as open from pg_stat_activity where application_name = 'switchboard' and state = 'idle in transaction'`;
      expect(open).toBe(0);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});

describe('statements on our connections', () => {
  it('when a statement costs more than jit_above_cost, then it still runs without JIT compilation', async () => {
    const sql = createSql(inject('adminDatabaseUrl'), { max: 1 });
    try {
      // Every statement is over the thresholds on this one connection: with JIT on, each would be compiled.
      await sql`select set_config('jit_above_cost', '0', false), set_config('jit_optimize_above_cost', '0', false)`;
      const [
        {
          'QUERY PLAN': [plan],
        },
      ] = await sql.unsafe<{ 'QUERY PLAN': Record<string, unknown>[] }[]>(
        'explain (analyze, format json) select sum(x * 2) from generate_series(1, 1000) x',
      );
      expect((plan.Plan as { 'Actual Rows': number })['Actual Rows']).toBe(1);
      expect(plan).not.toHaveProperty('JIT');
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});

describe('a DATABASE_URL naming a Unix socket, as libpq reads it', () => {
  it('when the URL has host=/dir, then the socket path comes from it and the parameter is not sent to the server', () => {
    expect(unixSocketOf('postgres://sb@/switchboard?host=/var/run/postgresql&sslmode=disable')).toEqual({
      url: 'postgres://sb@localhost/switchboard?sslmode=disable',
      path: '/var/run/postgresql/.s.PGSQL.5432',
    });
    expect(unixSocketOf('postgres://sb@localhost:5433/switchboard?host=%2Ftmp%2F')).toEqual({
      url: 'postgres://sb@localhost:5433/switchboard',
      path: '/tmp/.s.PGSQL.5433',
    });
    expect(unixSocketOf('postgres://sb@db.internal:5432/switchboard')).toEqual({
      url: 'postgres://sb@db.internal:5432/switchboard',
    });
  });

  it('when the server listens on a socket, then the client connects through it', async () => {
    const tcp = createSql(inject('adminDatabaseUrl'), { max: 1 });
    try {
      const [where] = await tcp<{ dirs: string; port: string; user: string; db: string }[]>`
        select current_setting('unix_socket_directories') as dirs, current_setting('port') as port,
          current_user as user, current_database() as db`;
      const dir = where.dirs.split(',')[0].trim();
      const url = `postgres://${where.user}@/${where.db}?host=${encodeURIComponent(dir)}`;
      const overSocket = createSql(url.replace('@/', `@localhost:${where.port}/`), { max: 1 });
      try {
        // A socket connection has no server address.
        const [row] = await overSocket<{ addr: string | null }[]>`select inet_server_addr() as addr`;
        expect(row.addr).toBeNull();
      } finally {
        await overSocket.end({ timeout: 5 });
      }
    } finally {
      await tcp.end({ timeout: 5 });
    }
  });
});
