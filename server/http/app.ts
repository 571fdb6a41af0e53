import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCookies } from 'cookie';
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { findSession, SESSION_COOKIE } from '../auth/sessions';
import type { AppContext } from '../context';
import { forbidden, HttpError, unauthenticated } from './httpError';
import { readJsonBody } from './jsonBody';
import { refuseCrossOrigin } from './refuseCrossOrigin';
import type { RouteDef } from './route';
import { securityHeaders } from './securityHeaders';
import { validate } from './validate';
import { twilioSmsWebhooks } from './webhooks/twilioSmsWebhooks';
import { twilioVoiceWebhooks } from './webhooks/twilioVoiceWebhooks';
import { VOICE_BASE } from '../voice/voiceUrls';
import { routeTable } from './routeTable';
import { healthRoutes } from './routes/healthRoutes';
import { helpCenter } from './helpCenterMount';
import { accessLog, requestLog } from '../observability/accessLog';
import { metricsEndpoint } from '../observability/metricsEndpoint';
import { webhookLatency } from '../observability/webhookLatency';

export const CONSOLE_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../agent-console/dist');

export function sessionToken(cookieHeader: string | undefined) {
  return cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
}

/**
 * Authenticate → authorize → read the body → validate happen here for every route, in that order, before its handler
 * runs: a caller who may not use the route is refused before any of its body is read.
 */
function mount(app: express.Express, ctx: AppContext, def: RouteDef) {
  app[def.method](def.path, async (req: Request, res) => {
    let session = null;
    if (def.access !== 'public') {
      session = await findSession(ctx.sql, sessionToken(req.headers.cookie));
      if (!session) throw unauthenticated();
      if (!def.access.includes(session.role)) throw forbidden();
    }
    if (def.body && !def.rawBody) await readJsonBody(req, res, def.access === 'public' ? 'public' : 'signedIn');
    const input = {
      body: def.body ? validate(def.body, req.body, 'body') : undefined,
      params: def.params ? validate(def.params, req.params, 'params') : undefined,
      query: def.query ? validate(def.query, req.query, 'query') : undefined,
    };
    const body = await def.handler({ ctx, req, res, session, ...input });
    if (res.headersSent) return;
    if (body === undefined) res.status(204).end();
    else res.json(body);
  });
}

const errorHandler =
  (ctx: AppContext): ErrorRequestHandler =>
  (err, req, res, _next) => {
    // Refused before its body was read (or part way through an upload): close the connection rather than read on.
    if (!req.complete) res.setHeader('Connection', 'close');
    if (err instanceof HttpError) {
      res
        .status(err.status)
        .json({ error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } });
    } else if (err?.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
    } else if (err?.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'too_large', message: 'The request body is too large.' } });
    } else if (err?.type === 'charset.unsupported' || err?.type === 'encoding.unsupported') {
      // body-parser reads UTF-8 only (and no compressed bodies); err.charset / err.encoding names what was sent.
      const what =
        err.type === 'charset.unsupported'
          ? `charset ${JSON.stringify(err.charset)}`
          : `Content-Encoding ${JSON.stringify(err.encoding)}`;
      res.status(415).json({
        error: {
          code: 'unsupported_media_type',
          message: `The request body's ${what} is not supported; send UTF-8.`,
        },
      });
    } else if (err instanceof URIError && (err as URIError & { status?: number }).status === 400) {
      // The router could not percent-decode a path parameter (`/api/tickets/%E0%A4%A`): the client's mistake.
      res.status(400).json({ error: { code: 'invalid_path', message: `${err.message}: not valid percent-encoding.` } });
    } else if (err?.expose === true && err.status >= 400 && err.status < 500) {
      // Any other refusal of a body by body-parser (a form nested too deep, too many parameters, a compressed body
      // that does not decompress, which carries zlib's error and no type) is the client's.
      res.status(err.status).json({ error: { code: 'invalid_body', message: err.message } });
    } else {
      // With the request id that the access log line and the X-Request-Id header show.
      requestLog(ctx.log, req).error({ err, method: req.method, url: req.originalUrl }, 'request failed');
      res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    }
  };

const noSuchRoute: RequestHandler = (req) => {
  throw new HttpError(404, 'not_found', `No such route: ${req.method} ${req.originalUrl.split('?')[0]}`);
};

// Paths the console's deep links never use: an unknown one is a JSON 404, never the console's index.html.
const NOT_CONSOLE = ['/api', '/webhooks', '/socket.io', '/metrics'];

/**
 * With `api: false` (a realtime-only or worker-only process) only the health routes and /metrics answer.
 * `metrics` is the process's own registry (stateMetrics.ts), served with the process-wide metrics.
 */
export function createHttpApp(
  ctx: AppContext,
  { api = true, consoleDir = CONSOLE_DIST, metrics }: { api?: boolean; consoleDir?: string; metrics?: Registry } = {},
) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  app.use(accessLog(ctx.log));
  // Before the security headers: they tell a browser how to treat a page, and only Twilio reads these answers.
  if (api) app.use('/webhooks', webhookLatency());
  if (api) app.use('/webhooks/twilio', twilioSmsWebhooks(ctx));
  if (api) app.use(VOICE_BASE, twilioVoiceWebhooks(ctx));
  app.use(securityHeaders(ctx.config));
  app.get('/metrics', metricsEndpoint(metrics, ctx.config.METRICS_TOKEN));
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(
    '/api',
    refuseCrossOrigin(() => ctx.config.PUBLIC_URL),
  );
  for (const def of api ? routeTable : healthRoutes) mount(app, ctx, def);
  app.use(NOT_CONSOLE, noSuchRoute);
  // The public help center answers every /help path itself (its own 404 page): none falls through to the console.
  if (api) app.use('/help', helpCenter(ctx));
  if (api) serveConsole(app, consoleDir);
  app.use(noSuchRoute);
  app.use(errorHandler(ctx));
  return app;
}

/** The built console, with every non-API path answering index.html so deep links work. */
function serveConsole(app: express.Express, consoleDir: string) {
  const index = path.join(consoleDir, 'index.html');
  app.use(express.static(consoleDir, { index: false, maxAge: '1h' }));
  app.get('/{*path}', (_req, res) => {
    if (fs.existsSync(index)) res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    else
      res
        .status(503)
        .type('text')
        .send('The agent console is not built. Run `npm run build:console`, or start with `npm start`.');
  });
}
