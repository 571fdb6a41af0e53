import type { AppContext } from '../context';

export const routingChannel = (redisPrefix: string) => `${redisPrefix}:routing`;

/**
 * Asks the routers (every worker process) for a routing pass: after a contact arrives, an offer ends, capacity
 * frees. Triggers coalesce there: however many arrive, each router runs one pass now and at most one after it.
 * A lost trigger (Redis away) costs at most one tick: every router also routes every ROUTING_TICK_SECONDS.
 */
export async function kickRouting(ctx: Pick<AppContext, 'redis' | 'config' | 'log'>) {
  try {
    await ctx.redis.publish(routingChannel(ctx.config.REDIS_PREFIX), '');
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'routing trigger not published; the next tick routes');
  }
}
