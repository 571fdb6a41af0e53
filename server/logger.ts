import { pino } from 'pino';

export type Logger = pino.Logger;

// Access logs never include headers (see observability/accessLog.ts); should any log call pass a request's or
// response's headers anyway, these stay out of the log.
const SECRET_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-twilio-signature"]',
];

export function createLogger(level: string): Logger {
  return pino({ level, base: { pid: process.pid }, redact: { paths: SECRET_PATHS, censor: '[redacted]' } });
}
