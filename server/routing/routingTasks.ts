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

// Other processes' routers hear of triggers at most this often: at hundreds of contacts a second, one Redis message
// per contact cost more than the pass it asked for, which coalesces them anyway.
const PUBLISH_WINDOW_MS = 10;
const publishing = new Map<string, { again: boolean }>();

/**
 * Asks the routers (every worker process) for a routing pass: after a contact arrives, an offer ends, capacity
 * frees. Triggers coalesce there: however many arrive, each router runs one pass now and at most one after it.
 * This process's routers are asked at once; the others through Redis, at once for the first trigger of a moment
 * and once more at the end of it for any that came during it. A lost trigger (Redis away) costs at most one tick:
 * every router also routes every ROUTING_TICK_SECONDS.
 */
export async function kickRouting(ctx: Pick<AppContext, 'redis' | 'config' | 'log'>) {
  for (const route of localRouters.get(ctx.config.REDIS_PREFIX) ?? []) route();
  await publishAtMostOncePerWindow(ctx);
}

function publishAtMostOncePerWindow(ctx: Pick<AppContext, 'redis' | 'config' | 'log'>): Promise<void> {
  const prefix = ctx.config.REDIS_PREFIX;
  const open = publishing.get(prefix);
  if (open) {
    open.again = true;
    return Promise.resolve();
  }
  const window = { again: false };
  publishing.set(prefix, window);
  setTimeout(() => {
    publishing.delete(prefix);
    if (window.again) void publishAtMostOncePerWindow(ctx);
  }, PUBLISH_WINDOW_MS).unref();
  return publishTrigger(ctx);
}

async function publishTrigger(ctx: Pick<AppContext, 'redis' | 'config' | 'log'>) {
  try {
    await ctx.redis.publish(routingChannel(ctx.config.REDIS_PREFIX), routingTriggerOrigin);
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'routing trigger not published; the next tick routes');
  }
}
