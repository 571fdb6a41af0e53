import { HttpError } from '../httpError';
import { route } from '../route';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

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
    summary: 'The database and Redis answer; 503 otherwise.',
    async handler({ ctx }) {
      const checks = await Promise.allSettled([withTimeout(ctx.sql`select 1`, 2000), withTimeout(ctx.redis.ping(), 2000)]);
      const [database, redis] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : `failed: ${(c.reason as Error).message}`));
      if (database !== 'ok' || redis !== 'ok') throw new HttpError(503, 'not_ready', `database: ${database}; redis: ${redis}`);
      return { status: 'ready', database, redis };
    },
  }),
];
