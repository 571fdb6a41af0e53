import type { ScreenPop } from '../../../server/http/apiTypes';

/** A pending offer as the console holds it; `receivedAt` is our own clock, for reconciling with a restore. */
export interface QueuedOffer {
  pop: ScreenPop;
  receivedAt: number;
}

/** Pending offers, the one to show first at the front. */
export type OfferQueue = readonly QueuedOffer[];

const expiry = (entry: QueuedOffer) => Date.parse(entry.pop.offer.expiresAt);

// Offers all get the same reservation time, so the one expiring first is the oldest; arrival order breaks ties.
function byAge(a: QueuedOffer, b: QueuedOffer): number {
  return expiry(a) - expiry(b) || a.receivedAt - b.receivedAt;
}

/** Adds an offer, or refreshes it if already queued (keeping when we first saw it). */
export function addOffer(queue: OfferQueue, pop: ScreenPop, receivedAt: number): OfferQueue {
  const known = queue.find((entry) => entry.pop.offer.id === pop.offer.id);
  const others = queue.filter((entry) => entry !== known);
  return [...others, { pop, receivedAt: known?.receivedAt ?? receivedAt }].sort(byAge);
}

/** Without the given offer; the same queue if it was not there. */
export function removeOffer(queue: OfferQueue, offerId: string): OfferQueue {
  return queue.some((entry) => entry.pop.offer.id === offerId)
    ? queue.filter((entry) => entry.pop.offer.id !== offerId)
    : queue;
}

/**
 * Reconciles with GET /api/offers/mine, sent at `requestedAt`: the server's list is the truth for every offer we
 * knew before asking (others ended while we were away), but an offer that arrived over the socket while the
 * request was in flight is kept. Offers already queued keep their place; duplicates are merged.
 */
export function restoreOffers(queue: OfferQueue, pops: readonly ScreenPop[], requestedAt: number): OfferQueue {
  const pending = new Set(pops.map((pop) => pop.offer.id));
  let next: OfferQueue = queue.filter((entry) => pending.has(entry.pop.offer.id) || entry.receivedAt >= requestedAt);
  for (const pop of pops) next = addOffer(next, pop, requestedAt);
  return next;
}

/**
 * Without offers that expired more than `graceMs` ago: the server ends them itself and says so, this only
 * clears pops whose end we missed. The same queue if nothing expired.
 */
export function dropExpired(queue: OfferQueue, now: number, graceMs: number): OfferQueue {
  const live = queue.filter((entry) => expiry(entry) + graceMs > now);
  return live.length === queue.length ? queue : live;
}

export function findOffer(queue: OfferQueue, offerId: string): QueuedOffer | undefined {
  return queue.find((entry) => entry.pop.offer.id === offerId);
}
