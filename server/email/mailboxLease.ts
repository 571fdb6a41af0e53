// Which worker process syncs a mailbox: the one holding its PostgreSQL advisory lock. A session lock lives as
// long as its connection, so a process that dies (or loses its database connection) lets go by itself and
// another worker takes the mailbox over at its next try. Each lease holds a connection reserved from the pool
// for as long as it lasts, so a worker's pool must be larger than the number of mailboxes it may hold.

import type { Sql } from '../db/client';

export interface MailboxLease {
  /** Whether this process still holds the mailbox; false once the lock's connection was lost to another holder. */
  held(): Promise<boolean>;
  /** Lets go of the mailbox and returns the connection to the pool. */
  release(): Promise<void>;
}

const lockName = (mailboxId: string) => `mailbox-sync:${mailboxId}`;
// A connection that went quiet must not hold up the sync: after this long, count the lock as lost.
const CHECK_TIMEOUT_MS = 10_000;

function within<T>(promise: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS)));
  return Promise.race([promise.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}

/** The mailbox's lease, or null while another process holds it. */
export async function takeMailboxLease(sql: Sql, mailboxId: string): Promise<MailboxLease | null> {
  const connection = await sql.reserve();
  // Taking it again on the same session only counts up, so this both takes the lock and tells whether we hold it.
  const tryLock = async () =>
    (
      await connection<
        { taken: boolean }[]
      >`select pg_try_advisory_lock(hashtextextended(${lockName(mailboxId)}, 0)) as taken`
    )[0].taken;
  try {
    if (!(await tryLock())) {
      connection.release();
      return null;
    }
  } catch (err) {
    connection.release();
    throw err;
  }
  let released = false;
  return {
    async held() {
      if (released) return false;
      return within(tryLock(), false);
    },
    async release() {
      if (released) return;
      released = true;
      // The connection is this lease's alone, so every count taken by held() goes at once.
      await within(
        connection`select pg_advisory_unlock_all()`.then(() => undefined),
        undefined,
      );
      connection.release();
    },
  };
}
