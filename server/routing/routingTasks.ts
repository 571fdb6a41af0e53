import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context';

export const routingChannel = (redisPrefix: string) => `${redisPrefix}:routing`;

/** Marks the triggers this process publishes, so its own routers, already asked directly, skip their echo. */
export const routingTriggerOrigin = randomUUID();

// The routers running in this process, by Redis prefix: a trigger reaches them without the round trip through Redis.
const localRouters = new Map<string, Set<() => void>>();

/** Registers a router of this process for direct triggers; returns its removal. */
export function addLocalRouter(redisPrefix: string, route: () => void) {
  const routers = localRouters.get(redisPrefix) ?? new Set();
  localRouters.set(redisPrefix, routers.add(route));
  return () => void routers.delete(route);
}

/**
 * Asks the routers (every worker process) for a routing pass: after a contact arrives, an offer ends, capacity
 * frees. Triggers coalesce there: however many arrive, each router runs one pass now and at most one after it.
 * A lost trigger (Redis away) costs at most one tick: every router also routes every ROUTING_TICK_SECONDS.
 */
export async function kickRouting(ctx: Pick<AppContext, 'redis' | 'config' | 'log'>) {
  for (const route of localRouters.get(ctx.config.REDIS_PREFIX) ?? []) route();
  try {
    await ctx.redis.publish(routingChannel(ctx.config.REDIS_PREFIX), routingTriggerOrigin);
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'routing trigger not published; the next tick routes');
  }
}
