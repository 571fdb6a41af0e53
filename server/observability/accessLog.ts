import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import { pinoHttp } from 'pino-http';
import { errorWithoutSecrets, type Logger } from '../logger';

// An id a proxy or caller already gave the request is kept, so one id follows it through every hop.
const SANE_REQUEST_ID = /^[\w.:+=/-]{1,128}$/;
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One JSON line per request (method, path, client address, status, time taken) carrying a request id, which is
 * echoed in the X-Request-Id response header and bound to `req.log`. Headers are never logged: they hold cookies,
 * credentials and Twilio signatures. Successful probes (/healthz, /readyz, /metrics) are not logged.
 */
export function accessLog(log: Logger) {
  return pinoHttp({
    logger: log,
    quietReqLogger: true,
    genReqId(req, res) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { method: string; url: string; remoteAddress?: string; raw: IncomingMessage }) => ({
        method: req.method,
        url: req.url,
        remoteAddress: (req.raw as Request).ip ?? req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // Without this, pino-http puts pino's standard error serializer back, which copies every field of an error.
      err: errorWithoutSecrets,
    },
    customLogLevel(req, res, err) {
      if (err || res.statusCode >= 500) return 'error';
      if (res.statusCode < 400 && PROBES.has((req as Request).originalUrl.split('?')[0])) return 'silent';
      return 'info';
    },
    customSuccessMessage: () => 'request completed',
  });
}
