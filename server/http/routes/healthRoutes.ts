import type { Application } from 'express';
import { HttpError } from '../httpError';
import { route } from '../route';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);

/** From SIGTERM on, /readyz answers 503 so that load balancers send this process no new work while it drains. */
export function markShuttingDown(app: Application) {
  app.locals.shuttingDown = true;
}

export const healthRoutes = [
  route({
    method: 'get',
    path: '/healthz',
    access: 'public',
    summary: 'The process is up.',
    handler: async () => ({ status: 'ok' }),
  }),
  route({
    method: 'get',
    path: '/readyz',
    access: 'public',
    summary: 'The database and Redis answer and the process is not shutting down; 503 otherwise.',
    async handler({ ctx, req }) {
      if (req.app.locals.shuttingDown === true)
        throw new HttpError(503, 'shutting_down', 'This process is shutting down.');
      const checks = await Promise.allSettled([
        withTimeout(ctx.sql`select 1`, 2000),
        withTimeout(ctx.redis.ping(), 2000),
      ]);
      const [database, redis] = checks.map((c) =>
        c.status === 'fulfilled' ? 'ok' : `failed: ${(c.reason as Error).message}`,
      );
      if (database !== 'ok' || redis !== 'ok')
        throw new HttpError(503, 'not_ready', `database: ${database}; redis: ${redis}`);
      return { status: 'ready', database, redis };
    },
  }),
];
