import type { Sql, TransactionSql } from '../db/client';
import { indexText } from './segmentWords';

/**
 * The search_vector of a text made of these parts (a subject and a body), for the statement that writes the text:
 * indexed in the same transaction, so what was stored is found at once.
 */
export const searchVector = (sql: Sql | TransactionSql, ...parts: (string | null | undefined)[]) =>
  sql`to_tsvector('simple', ${indexText(...parts)}::text)`;
