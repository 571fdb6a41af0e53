import type { Socket } from 'socket.io';
import type { AppContext } from '../context';
import { acknowledgeOffer } from '../routing/offerLifecycle';
import { offerToPopSeconds } from '../observability/metrics';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The console acknowledges each screen pop it shows (`offer.seen`). Only the offered agent's own sockets count,
 * and malformed input is ignored: an acknowledgement is a hint, and an offer without one is withdrawn unharmed.
 */
export function listenForPopAcknowledgements(socket: Socket, ctx: AppContext, userId: string) {
  socket.on('offer.seen', (event: unknown) => {
    const offerId = (event as { offerId?: unknown } | null)?.offerId;
    if (typeof offerId !== 'string' || !UUID.test(offerId)) return;
    acknowledgeOffer(ctx, offerId, userId)
      .then((popSeconds) => popSeconds !== null && offerToPopSeconds.observe(popSeconds))
      .catch((err) => ctx.log.warn({ err, offerId }, 'pop acknowledgement not recorded'));
  });
}
