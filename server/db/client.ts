import postgres from 'postgres';

export type Sql = postgres.Sql;
export type TransactionSql = postgres.TransactionSql;
export type SqlFragment = postgres.Fragment;

/** The one PostgreSQL client of a process. Column names map snake_case → camelCase in results. */
export function createSql(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    transform: postgres.camel,
    connection: { application_name: 'switchboard' },
  });
}
