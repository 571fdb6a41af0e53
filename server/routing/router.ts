import type { AppContext } from '../context';
import { createRedis } from '../redis/connection';
import { expireOffers, overflowWaitingTickets } from './offerLifecycle';
import { anyAgentFree, routingPass } from './routingPass';
import { announceOffers } from './screenPop';
import { addLocalRouter, routingChannel, routingTriggerOrigin } from './routingTasks';

/**
 * A worker process's router. Routing triggers (published by any process) coalesce into one pass at a time, and
 * one more if any arrived during it, so a burst of contacts costs a few passes, not one each. The offers'
 * deadlines are columns: a timer armed at the next one, and a tick every ROUTING_TICK_SECONDS, end the offers
 * that ran out and move overflowing tickets. Both run in this process, beside the passes, not behind them in a
 * job queue, and need nothing from Redis: they keep working through a Redis flush or outage.
 */
export function startRouter(ctx: AppContext, redisUrl: string) {
  const { log, config } = ctx;
  const subscriber = createRedis(redisUrl, 'routing-trigger', log);
  let closed = false;
  let wanted = false;
  let routing: Promise<void> | null = null;
  let sweeping: Promise<void> | null = null;
  let deadlineTimer: NodeJS.Timeout | undefined;
  let deadlineAt = Infinity;

  function route() {
    wanted = true;
    if (!routing && !closed) routing = drain();
  }
  // Whether the last pass found an agent with a free slot; until one does, a pass is preceded by that cheap question.
  let agentsFree = true;
  async function drain() {
    while (wanted && !closed) {
      wanted = false;
      try {
        if (!agentsFree && !(await anyAgentFree(ctx))) continue;
        const pass = await routingPass(ctx);
        agentsFree = pass.agentsFree;
        const { offers } = pass;
        if (offers.length)
          armDeadline(
            Date.now() + Math.min(config.ROUTING_POP_ACK_SECONDS, config.ROUTING_OFFER_TIMEOUT_SECONDS) * 1000,
          );
        // The next pass need not wait for these pops to be built and sent.
        announceOffers(ctx, offers).catch((err) =>
          log.warn({ err }, 'screen pops not sent; unacknowledged offers are made again'),
        );
      } catch (err) {
        log.warn({ err }, 'routing pass failed; the next trigger or tick retries');
      }
    }
    routing = null;
  }

  function sweep() {
    if (sweeping || closed) return sweeping;
    sweeping = (async () => {
      try {
        const ended = await expireOffers(ctx);
        const moved = await overflowWaitingTickets(ctx);
        if (ended.length || moved.length) route();
        const [next] = await ctx.sql<{ at: Date | null }[]>`
          select min(least(expires_at, case when seen_at is null then offered_at + make_interval(secs => ${config.ROUTING_POP_ACK_SECONDS}) end)) as at
          from offers where status = 'pending'`;
        if (next?.at) armDeadline(next.at.getTime());
      } catch (err) {
        log.warn({ err }, 'offer sweep failed; the next tick retries');
      } finally {
        sweeping = null;
      }
    })();
    return sweeping;
  }

  /** Sweeps at `at` (a little after, so the deadline has passed on the database's clock too), unless one is due sooner. */
  function armDeadline(at: number) {
    if (closed || at >= deadlineAt) return;
    clearTimeout(deadlineTimer);
    deadlineAt = at;
    deadlineTimer = setTimeout(
      () => {
        deadlineAt = Infinity;
        void sweep();
      },
      Math.max(0, at - Date.now()) + 100,
    );
  }

  const tick = setInterval(() => {
    route();
    void sweep();
  }, config.ROUTING_TICK_SECONDS * 1000);
  // A trigger from this process has already reached this router directly (kickRouting).
  subscriber.on('message', (_channel: string, origin: string) => {
    if (origin !== routingTriggerOrigin) route();
  });
  const removeLocal = addLocalRouter(config.REDIS_PREFIX, route);
  void subscriber
    .subscribe(routingChannel(config.REDIS_PREFIX))
    .catch((err) => log.warn({ err: err.message }, 'routing trigger subscription failed'));
  // ioredis re-subscribes after a reconnect; a trigger published while it was away is covered by routing now.
  subscriber.on('ready', route);
  // A process starting up takes over the deadlines of offers made by processes that are gone.
  void sweep();
  route();

  return {
    async close() {
      closed = true;
      removeLocal();
      clearInterval(tick);
      clearTimeout(deadlineTimer);
      await Promise.all([routing, sweeping]);
      subscriber.disconnect();
    },
  };
}

export type Router = ReturnType<typeof startRouter>;
