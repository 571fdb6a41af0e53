import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { expireOffers, overflowWaitingTickets } from './offerLifecycle';
import { runRoutingPass } from './routingPass';

/** Asks a worker to look for agents for waiting tickets now (after a contact arrives, an offer ends, capacity frees). */
export async function kickRouting(ctx: Pick<AppContext, 'queues'>) {
  await ctx.queues.routing.add('route-pass', {}, { removeOnComplete: true, removeOnFail: 100 });
}

export const routePassTask: Task<Record<string, never>> = {
  queue: 'routing',
  name: 'route-pass',
  perform: (ctx) => runRoutingPass(ctx),
};

export type OfferTimeoutData = { offerId: string };

/** Fires when an offer's reservation runs out; does nothing if it was answered first. */
export const offerTimeoutTask: Task<OfferTimeoutData> = {
  queue: 'routing',
  name: 'offer-timeout',
  async perform(ctx, { offerId }) {
    const expired = await expireOffers(ctx, offerId);
    if (expired.length) await runRoutingPass(ctx);
    return { expired: expired.length };
  },
};

/**
 * The safety net: the deadlines are columns, the delayed jobs only an optimisation. Every few seconds,
 * expire overdue offers (a lost timeout job), overflow tickets that waited too long, and route.
 */
export const routingTickTask: Task<Record<string, never>> = {
  queue: 'routing',
  name: 'routing-tick',
  schedule: (config) => ({ every: config.ROUTING_TICK_SECONDS * 1000 }),
  async perform(ctx) {
    await expireOffers(ctx);
    await overflowWaitingTickets(ctx);
    const offers = await runRoutingPass(ctx);
    return { offers: offers.length };
  },
};
