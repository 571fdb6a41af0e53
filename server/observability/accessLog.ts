import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../logger';

declare module 'express-serve-static-core' {
  interface Request {
    /** This request's id: the access log line and the X-Request-Id header show it. */
    id?: string;
  }
}

// An id a proxy or caller already gave the request is kept, so one id follows it through every hop.
const SANE_REQUEST_ID = /^[\w.:+=/-]{1,128}$/;
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One JSON line per request (method, path, client address, status, time taken) carrying a request id, which is
 * echoed in the X-Request-Id response header and kept as `req.id` (see `requestLog`). Headers are never logged: they
 * hold cookies, credentials and Twilio signatures. Successful probes (/healthz, /readyz, /metrics) are not logged.
 *
 * Written here rather than with pino-http: that made two child loggers per request and passed every line through
 * the logger's redaction paths, about 5 % of the server's CPU per signed SMS (README, "Where the time goes"). The
 * line is built from the fields above only, so it needs no redaction.
 */
export function accessLog(log: Logger): RequestHandler {
  const lines = log.child({}, { redact: [] });
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    const started = Date.now();
    const url = req.url;
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const status = res.statusCode;
      const finished = res.writableFinished;
      if (finished && status < 400 && PROBES.has(url.split('?')[0])) return;
      const line = {
        reqId: id,
        req: { method: req.method, url, remoteAddress: req.ip ?? req.socket.remoteAddress },
        res: { statusCode: status },
        responseTime: Date.now() - started,
      };
      if (status >= 500) lines.error(line, 'request errored');
      else lines.info(line, finished ? 'request completed' : 'request aborted');
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}

/** The log a request's handlers write to: every line carries the request's id. */
export const requestLog = (log: Logger, req: Request) => (req.id ? log.child({ reqId: req.id }) : log);
