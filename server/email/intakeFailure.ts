// Why storing one mail failed decides what the mailbox sync does next. A fault of the mail itself (it cannot be
// parsed, intake refused it, the database rejected its data) will fail the same way on every try: the mail is set
// aside as a failed mail at once and the sync moves on. A fault of what intake runs on (the database or the disk
// unreachable or full) says nothing about the mail: every mail behind it would fail too, so nothing is set aside
// and the sync retries with backoff, as for a lost IMAP connection. Anything else is tried a few times first.

import { InvalidEmailError } from '../../channels/email/parseInboundEmail';
import { FileStoreUnavailableError } from '../files/fileStore';
import { HttpError } from '../http/httpError';

export type IntakeFailureKind = 'mail' | 'environment' | 'unknown';

/** How often a mail whose failure is `unknown` is tried before it is set aside. */
export const UNKNOWN_FAILURE_ATTEMPTS = 3;

// SQLSTATE classes about the data of a statement: data exceptions (22), integrity constraints (23), limits such as
// an index row too large (54). The same mail fails the same way every time.
const DATA_CLASSES = new Set(['22', '23', '54']);
// SQLSTATE classes about the server: connection (08), transaction rollback (40: serialization, deadlock),
// resources (53), operator intervention (57: shutdown, cancel), system (58). A retry later can succeed.
const SERVER_CLASSES = new Set(['08', '40', '53', '57', '58']);

export function classifyIntakeFailure(err: unknown): IntakeFailureKind {
  if (err instanceof InvalidEmailError) return 'mail';
  if (err instanceof HttpError) return err.status < 500 ? 'mail' : 'environment';
  if (err instanceof FileStoreUnavailableError) return 'environment';
  const { code, severity } = (err ?? {}) as { code?: unknown; severity?: unknown };
  if (typeof code !== 'string') return 'unknown';
  // The server's own error (postgres.js PostgresError carries its severity): the code is a SQLSTATE.
  if (typeof severity === 'string') {
    const sqlClass = code.slice(0, 2);
    if (DATA_CLASSES.has(sqlClass)) return 'mail';
    if (SERVER_CLASSES.has(sqlClass)) return 'environment';
    return 'unknown';
  }
  // A Node system error (ECONNREFUSED, ENOSPC, EACCES…) or the database client losing its connection
  // (postgres.js: CONNECTION_CLOSED, CONNECTION_ENDED, CONNECTION_DESTROYED, CONNECT_TIMEOUT).
  if (/^E[A-Z]+$/.test(code) || /^CONNECT(ION)?_/.test(code)) return 'environment';
  return 'unknown';
}
