import type { Sql } from './client';

/** The encoding of the database `sql` is connected to, as PostgreSQL names it (UTF8, SQL_ASCII, LATIN1, …). */
export async function databaseEncoding(sql: Sql): Promise<string> {
  const [{ serverEncoding }] = await sql<{ serverEncoding: string }[]>`show server_encoding`;
  return serverEncoding;
}

/** The database is not UTF-8: start-up stops, saying what to do. */
export class NonUtf8DatabaseError extends Error {}

/**
 * Start-up refuses a database that is not UTF-8. Customers write in any script; SQL_ASCII stores their bytes
 * unchecked, and full-text search and case folding then drop or mangle everything outside ASCII (Chinese search
 * finds nothing), while LATIN1 and the like refuse what they cannot encode. Better to stop now than lose text later.
 */
export async function requireUtf8Database(sql: Sql) {
  const encoding = await databaseEncoding(sql);
  if (encoding === 'UTF8') return;
  throw new NonUtf8DatabaseError(
    `The database at DATABASE_URL uses the ${encoding} encoding; Switchboard needs UTF8, or Chinese and other ` +
      'non-ASCII text is lost from search. Create a UTF-8 database and point DATABASE_URL at it, for example: ' +
      "createdb --encoding=UTF8 --locale=C.UTF-8 --template=template0 switchboard (or SQL: create database switchboard encoding 'UTF8' locale 'C.UTF-8' template template0).",
  );
}
