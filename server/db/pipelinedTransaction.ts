import type { Sql, TransactionSql } from './client';

type SavepointWork<T> = (sp: TransactionSql) => T | Promise<T>;

/**
 * A transaction whose BEGIN goes out with its first statements in one write, on a connection reserved for it:
 * postgres.js's `begin` waits a round trip for BEGIN before it sends anything else, and for a short transaction
 * on the hot path (intake, a routing pass, a ticket change) that was a round trip in four. `work` gets the
 * connection as a transaction, savepoints included.
 */
export async function pipelinedTransaction<T>(sql: Sql, work: (tx: TransactionSql) => Promise<T>): Promise<T> {
  const reserved = await sql.reserve();
  const tx = withSavepoints(reserved);
  try {
    const began = reserved`begin`.execute();
    // Both settle before the rollback goes out: nothing of the work may run after it, outside the transaction.
    const [begin, done] = await Promise.allSettled([began, work(tx)]);
    if (begin.status === 'rejected' || done.status === 'rejected') {
      await reserved`rollback`.catch(() => undefined);
      throw done.status === 'rejected' ? done.reason : (begin as PromiseRejectedResult).reason;
    }
    // A statement that failed inside `work` and was caught there has aborted the transaction: its COMMIT rolls back.
    const committed = await reserved`commit`;
    if (committed.command !== 'COMMIT') throw new Error('transaction rolled back: a statement in it failed');
    return done.value;
  } finally {
    reserved.release();
  }
}

/**
 * A read issued as the work's last statement and returned unawaited: it goes out in the same write as the COMMIT
 * (the answer a command returns, read as it committed, without another round trip). If the transaction rolls back,
 * the read's own failure is not reported twice.
 */
export function readWithCommit<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}

/** The reserved connection with `savepoint` as postgres.js's transactions have it: `(work)` or `(name, work)`. */
function withSavepoints(reserved: ReservedSql): TransactionSql {
  let count = 0;
  const savepoint = async <T>(nameOrWork: string | SavepointWork<T>, maybeWork?: SavepointWork<T>) => {
    const work = typeof nameOrWork === 'function' ? nameOrWork : maybeWork!;
    const name = `s${++count}${typeof nameOrWork === 'string' ? `_${nameOrWork.replace(/\W/g, '')}` : ''}`;
    await reserved.unsafe(`savepoint ${name}`);
    try {
      const result = await work(tx);
      await reserved.unsafe(`release savepoint ${name}`);
      return result;
    } catch (err) {
      await reserved.unsafe(`rollback to savepoint ${name}`);
      throw err;
    }
  };
  const tx = Object.assign(reserved, { savepoint }) as unknown as TransactionSql;
  return tx;
}

type ReservedSql = Awaited<ReturnType<Sql['reserve']>>;
