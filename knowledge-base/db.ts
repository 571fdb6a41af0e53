import type postgres from 'postgres';

/** The database handle the server gives the knowledge base (its one postgres client, camelCase columns). */
export type KbSql = postgres.Sql;
/** The handle, or a transaction of it: for the statements that may run inside one. */
export type KbQuery = postgres.Sql | postgres.TransactionSql;

/** Who is asking, as the server's session knows them. */
export interface KbViewer {
  userId: string;
  role: 'agent' | 'supervisor' | 'admin';
}

export const KB_LOCALES = ['en', 'zh-CN'] as const;
export type KbLocale = (typeof KB_LOCALES)[number];
