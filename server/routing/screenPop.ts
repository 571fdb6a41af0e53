import { logSuggestionsShown, suggestArticles } from '../../knowledge-base/usage/suggestArticles';
import type { AppContext } from '../context';
import { findCustomerView, listInteractions } from '../customers/customerQueries';
import type { Sql } from '../db/client';
import type { Channel, Role, ScreenPop } from '../http/apiTypes';
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
  /** The ticket's channel and text: with them, every read of the pop starts at once. */
  channel?: Channel;
  subject?: string;
  lastCustomerMessage?: string | null;
}

/**
 * Everything the agent's screen shows for an offer, in one payload so it pops without another round trip. The
 * customer's other tickets and history are those the offered agent may open, as on the customer page. The suggested
 * articles are not logged as shown here: `logPopSuggestions` does that once the pop is on its way.
 */
export async function buildScreenPop(
  pool: Sql,
  offerId: string,
  known?: KnownOffer & { agentId: string },
): Promise<ScreenPop | null> {
  // The pop's reads go down one connection together: one write and one backend woken for all of them, where
  // spreading them over the pool cost a socket write and a backend wake-up each, the larger part of their CPU.
  const sql = await pool.reserve();
  try {
    return await readScreenPop(sql, offerId, known);
  } finally {
    sql.release();
  }
}

async function readScreenPop(
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
  const text =
    offer.subject === undefined ? null : { subject: offer.subject, message: offer.lastCustomerMessage ?? null };
  // Reads sent together, down the one connection: one round trip for all. Those that need the ticket's channel or
  // text wait for its read only when the routing pass did not say.
  const [ticket, customer, recentInteractions, openTickets, message, health, early] = await Promise.all([
    findTicketSummary(sql, offer.ticketId),
    findCustomerView(sql, offer.customerId),
    listInteractions(sql, offer.customerId, 10, viewer),
    listCustomerOpenTickets(sql, offer.customerId, viewer),
    findLatestInboundMessage(sql, offer.ticketId),
    computeCustomerHealth(sql, offer.customerId),
    offer.channel && text
      ? Promise.all([voiceOfPop(sql, offer.channel, offer.ticketId), suggestionsFor(sql, offer.ticketId, text)])
      : null,
  ]);
  if (!ticket) return null;
  const [voice, articleSuggestions] =
    early ??
    (await Promise.all([
      voiceOfPop(sql, ticket.channel, ticket.id),
      suggestionsFor(sql, ticket.id, { subject: ticket.subject, message: message?.text ?? null }),
    ]));
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

const voiceOfPop = (sql: Sql, channel: Channel, ticketId: string) =>
  channel === 'voice' ? findScreenPopVoice(sql, ticketId) : null;

/** The top three knowledge base articles for the ticket's subject and the customer's last message. */
async function suggestionsFor(sql: Sql, ticketId: string, text: { subject: string; message: string | null }) {
  const found = await suggestArticles(sql, { ticketId, subject: text.subject, lastCustomerMessage: text.message }, 3);
  return found.hits.map(presentArticleSuggestion);
}

/** Logs the pop's suggestions as shown to the agent it is for (once per agent, ticket and article). */
export function logPopSuggestions(sql: Sql, pop: ScreenPop, agentId: string) {
  return logSuggestionsShown(
    sql,
    pop.ticket.id,
    agentId,
    (pop.articleSuggestions ?? []).map((a) => a.articleId),
  );
}

/**
 * After the offers are committed: pop each on its agent's screen. Their deadlines are columns (expires_at, and the
 * pop acknowledgement window from offered_at): every router's sweep ends them, whichever process made them.
 */
export async function announceOffers(ctx: AppContext, offers: readonly (KnownOffer & { agentId: string })[]) {
  await Promise.all(
    offers.map(async (offer) => {
      const pop = await buildScreenPop(ctx.sql, offer.offerId, offer);
      if (!pop) return;
      ctx.publisher.emit([rooms.agent(offer.agentId)], 'offer.created', pop);
      await logPopSuggestions(ctx.sql, pop, offer.agentId);
    }),
  );
}
