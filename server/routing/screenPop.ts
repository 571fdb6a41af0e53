import { logSuggestionsShown, suggestArticles } from '../../knowledge-base/usage/suggestArticles';
import type { AppContext } from '../context';
import { findCustomerView, listInteractions } from '../customers/customerQueries';
import type { Sql } from '../db/client';
import type { Role, ScreenPop } from '../http/apiTypes';
import { presentArticleSuggestion } from '../http/presentArticleHit';
import { findLatestInboundMessage } from '../messages/messageQueries';
import { rooms } from '../realtime/rooms';
import { listCustomerOpenTickets, findTicketSummary } from '../tickets/ticketQueries';
import { findScreenPopVoice } from '../voice/screenPopVoice';
import { computeCustomerHealth } from '../health/customerHealth';

/** What the routing pass already knows of an offer it made, which spares the pop a read. */
export interface KnownOffer {
  offerId: string;
  ticketId: string;
  customerId: string;
  expiresAt: Date;
  /** The offered agent's role, which decides what of the customer's history the pop may show. */
  agentRole: Role;
}

/**
 * Everything the agent's screen shows for an offer, in one payload so it pops without another round trip. The
 * customer's other tickets and history are those the offered agent may open, as on the customer page.
 */
export async function buildScreenPop(
  sql: Sql,
  offerId: string,
  known?: KnownOffer & { agentId: string },
): Promise<ScreenPop | null> {
  const [offer] = known
    ? [known]
    : await sql<(KnownOffer & { agentId: string })[]>`
        select o.id as offer_id, o.ticket_id, t.customer_id, o.expires_at, o.agent_id, u.role as agent_role
        from offers o join tickets t on t.id = o.ticket_id join users u on u.id = o.agent_id where o.id = ${offerId}`;
  if (!offer) return null;
  const viewer = { userId: offer.agentId, role: offer.agentRole };
  // Reads side by side: the pop's latency is its longest chain of round trips, not their number.
  const [ticket, customer, recentInteractions, openTickets, message, health] = await Promise.all([
    findTicketSummary(sql, offer.ticketId),
    findCustomerView(sql, offer.customerId),
    listInteractions(sql, offer.customerId, 10, viewer),
    listCustomerOpenTickets(sql, offer.customerId, viewer),
    findLatestInboundMessage(sql, offer.ticketId),
    computeCustomerHealth(sql, offer.customerId),
  ]);
  if (!ticket) return null;
  const [voice, articleSuggestions] = await Promise.all([
    ticket.channel === 'voice' ? findScreenPopVoice(sql, ticket.id) : null,
    screenPopArticles(sql, ticket, message, offer.agentId),
  ]);
  return {
    offer: { id: offer.offerId, ticketId: offer.ticketId, expiresAt: offer.expiresAt.toISOString() },
    ticket,
    customer: customer!,
    recentInteractions,
    openTickets,
    message,
    voice,
    health,
    articleSuggestions,
  };
}

/** The top three knowledge base articles for the ticket, logged as shown to the agent the pop is for. */
async function screenPopArticles(
  sql: Sql,
  ticket: { id: string; subject: string },
  message: { text: string } | null,
  agentId: string,
) {
  const found = await suggestArticles(
    sql,
    { ticketId: ticket.id, subject: ticket.subject, lastCustomerMessage: message?.text ?? null },
    3,
  );
  await logSuggestionsShown(
    sql,
    ticket.id,
    agentId,
    found.hits.map((h) => h.articleId),
  );
  return found.hits.map(presentArticleSuggestion);
}

/**
 * After the offers are committed: pop each on its agent's screen. Their deadlines are columns (expires_at, and the
 * pop acknowledgement window from offered_at): every router's sweep ends them, whichever process made them.
 */
export async function announceOffers(ctx: AppContext, offers: readonly (KnownOffer & { agentId: string })[]) {
  await Promise.all(
    offers.map(async (offer) => {
      const pop = await buildScreenPop(ctx.sql, offer.offerId, offer);
      if (pop) ctx.publisher.emit([rooms.agent(offer.agentId)], 'offer.created', pop);
    }),
  );
}
