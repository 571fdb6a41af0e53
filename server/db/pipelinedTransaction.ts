import type { Sql, TransactionSql } from './client';

/**
 * A transaction whose BEGIN goes out with its first statements in one write, on a connection reserved for it:
 * postgres.js's `begin` waits a round trip for BEGIN before it sends anything else, and for a short transaction
 * on the hot path (a routing pass) that was a round trip in four. `work` gets the connection typed as a
 * transaction, but savepoints are not available on it: callers that need them use `sql.begin`.
 */
export async function pipelinedTransaction<T>(sql: Sql, work: (tx: TransactionSql) => Promise<T>): Promise<T> {
  const tx = await sql.reserve();
  try {
    const began = tx`begin`.execute();
    let result: T;
    try {
      [, result] = await Promise.all([began, work(tx as unknown as TransactionSql)]);
    } catch (err) {
      await tx`rollback`.catch(() => undefined);
      throw err;
    }
    // A statement that failed inside `work` and was caught there has aborted the transaction: its COMMIT rolls back.
    const committed = await tx`commit`;
    if (committed.command !== 'COMMIT') throw new Error('transaction rolled back: a statement in it failed');
    return result;
  } finally {
    tx.release();
  }
}
