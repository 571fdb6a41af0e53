import postgres from 'postgres';

export type Sql = postgres.Sql;
export type TransactionSql = postgres.TransactionSql;
export type SqlFragment = postgres.Fragment;

/**
 * The one PostgreSQL client of a process. Column names map snake_case → camelCase in results. A URL may name a Unix
 * socket directory as libpq's do (`postgres://user@/db?host=/var/run/postgresql`), for a PostgreSQL on the same machine.
 */
export function createSql(url: string, options: { max?: number } = {}): Sql {
  const { url: tcpUrl, path } = unixSocketOf(url);
  return postgres(tcpUrl, {
    ...(path ? { path } : {}),
    max: options.max ?? 10,
    onnotice: () => {},
    transform: postgres.camel,
    // No JIT compilation: it pays for long analytical scans, and costs every statement whose estimate crosses
    // jit_above_cost hundreds of milliseconds of CPU. Before a busy new install's first ANALYZE the health sweep's
    // estimate did, and compiling it took 1.1 to 1.6 s of a core in the middle of a load test (README, "Where the
    // time goes").
    connection: { application_name: 'switchboard', jit: 'off' },
  });
}

/** postgres.js takes a socket only as its `path` option, and would send an unknown `host` parameter to the server. */
export function unixSocketOf(url: string): { url: string; path?: string } {
  const given = /[?&]host=([^&#]*)/.exec(url)?.[1];
  const dir = given === undefined ? undefined : decodeURIComponent(given);
  if (!dir?.startsWith('/')) return { url };
  // libpq lets the host part be empty when the socket names the server; a URL parser does not.
  const parsed = new URL(url.replace(/^(\w+:\/\/(?:[^/?#@]*@)?)(?=[/?#]|$)/, '$1localhost'));
  parsed.searchParams.delete('host');
  return { url: parsed.toString(), path: `${dir.replace(/\/+$/, '')}/.s.PGSQL.${parsed.port || 5432}` };
}
