import { pino } from 'pino';

export type Logger = pino.Logger;

// Access logs never include headers (see observability/accessLog.ts); should any log call pass a request's or
// response's headers, credentials or a session anyway, these stay out of the log.
const SECRET_KEYS = [
  'password',
  'authToken',
  'auth_token',
  'token',
  'sessionId',
  'sessionToken',
  'session',
  'secret',
  'apiKeySecret',
  'imapPassword',
  'imap_password',
  'smtpPassword',
  'smtp_password',
  'imapPasswordEncrypted',
  'imap_password_encrypted',
  'smtpPasswordEncrypted',
  'smtp_password_encrypted',
  'SECRETS_KEY',
  'INITIAL_ADMIN_PASSWORD',
];
const SECRET_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers.Authorization',
  'headers["x-twilio-signature"]',
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
];

// Credentials that can sit inside free text (an error message quoting a request, a stack): the scheme stays, the secret goes.
const CREDENTIAL_IN_TEXT = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}/g;
const scrub = (text: string) => text.replace(CREDENTIAL_IN_TEXT, '$1 [redacted]');

type ErrorLike = Error & {
  code?: unknown;
  status?: unknown;
  statusCode?: unknown;
  moreInfo?: unknown;
  errors?: unknown;
  cause?: unknown;
};
type LoggedError = {
  type: string;
  message: string;
  stack?: string;
  code?: unknown;
  status?: unknown;
  moreInfo?: unknown;
  errors?: LoggedError[];
  cause?: LoggedError;
};

/**
 * An error as it is logged: its kind, message, stack, code and HTTP status, and its causes, nothing else. HTTP
 * clients (axios inside twilio, for one) hang the whole request on their errors, Authorization header and
 * credentials included, and pino's standard serializer would copy every one of those fields into the log.
 */
export function errorWithoutSecrets(err: unknown, depth = 0): unknown {
  if (!err || typeof err !== 'object') return typeof err === 'string' ? scrub(err) : err;
  if (typeof (err as Error).message !== 'string') return '[not an error]';
  const e = err as ErrorLike;
  const logged: LoggedError = { type: e.constructor?.name ?? e.name, message: scrub(e.message) };
  if (e.stack) logged.stack = scrub(e.stack);
  if (typeof e.code === 'string' || typeof e.code === 'number') logged.code = e.code;
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number') logged.status = status;
  if (typeof e.moreInfo === 'string') logged.moreInfo = e.moreInfo;
  // Depth-bounded: causes can be circular.
  if (depth < 3) {
    if (Array.isArray(e.errors))
      logged.errors = e.errors.map((inner) => errorWithoutSecrets(inner, depth + 1) as LoggedError);
    const cause = errorWithoutSecrets(e.cause, depth + 1);
    if (cause && typeof cause === 'object') logged.cause = cause as LoggedError;
  }
  return logged;
}

/** `destination`: where the JSON lines go; stdout unless given (tests capture them). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    serializers: { err: errorWithoutSecrets, error: errorWithoutSecrets },
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
  };
  return pino(options, destination ?? bufferedStdout());
}

/**
 * Stdout, written in blocks rather than a write per line: every request logs a line, and a write to the pipe
 * that takes them wakes its reader, which cost more CPU under load than the request's own work did. A line waits at
 * most LOG_FLUSH_MS; on exit, whatever waits is written (pino flushes its destination then).
 */
function bufferedStdout() {
  return pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: LOG_FLUSH_MS });
}

const LOG_FLUSH_MS = 100;
