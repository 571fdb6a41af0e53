import type { AppContext } from '../context';
import { findCustomerView, listInteractions } from '../customers/customerQueries';
import type { Sql } from '../db/client';
import type { ScreenPop } from '../http/apiTypes';
import { findMessageView } from '../messages/messageQueries';
import { rooms } from '../realtime/rooms';
import { listCustomerOpenTickets, findTicketSummary } from '../tickets/ticketQueries';
import { findScreenPopVoice } from '../voice/screenPopVoice';

/** Everything the agent's screen shows for an offer, in one payload so it pops without another round trip. */
export async function buildScreenPop(sql: Sql, offerId: string): Promise<ScreenPop | null> {
  const [offer] = await sql<{ id: string; ticketId: string; expiresAt: Date }[]>`select id, ticket_id, expires_at from offers where id = ${offerId}`;
  if (!offer) return null;
  const ticket = await findTicketSummary(sql, offer.ticketId);
  if (!ticket) return null;
  const [customer, recentInteractions, openTickets, latest, voice] = await Promise.all([
    findCustomerView(sql, ticket.customer.id),
    listInteractions(sql, ticket.customer.id, 10),
    listCustomerOpenTickets(sql, ticket.customer.id),
    sql<{ id: string }[]>`select id from messages where ticket_id = ${ticket.id} and direction = 'inbound' order by created_at desc, id desc limit 1`,
    ticket.channel === 'voice' ? findScreenPopVoice(sql, ticket.id) : null,
  ]);
  return {
    offer: { id: offer.id, ticketId: offer.ticketId, expiresAt: offer.expiresAt.toISOString() },
    ticket,
    customer: customer!,
    recentInteractions,
    openTickets,
    message: latest[0] ? await findMessageView(sql, latest[0].id) : null,
    voice,
  };
}

/**
 * After the offers are committed: pop each on its agent's screen. Their deadlines are columns (expires_at, and the
 * pop acknowledgement window from offered_at): every router's sweep ends them, whichever process made them.
 */
export async function announceOffers(ctx: AppContext, offers: readonly { offerId: string; agentId: string }[]) {
  await Promise.all(
    offers.map(async (offer) => {
      const pop = await buildScreenPop(ctx.sql, offer.offerId);
      if (pop) ctx.publisher.emit([rooms.agent(offer.agentId)], 'offer.created', pop);
    }),
  );
}
