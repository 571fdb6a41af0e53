import { writeAudit } from '../commands/writeAudit';
import { setPresence } from '../commands/setPresence';
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';
import { rooms } from '../realtime/rooms';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { findTicketSummary } from '../tickets/ticketQueries';
import { kickRouting } from './routingTasks';
import { withRoutingLock } from './routingPass';
import { connectAgentToTicket } from '../voice/connectCall';

const offerGone = () => new HttpError(409, 'offer_gone', 'This offer is no longer available: it expired, was withdrawn or was answered already.');

async function lockPendingOffer(tx: TransactionSql, offerId: string, agentId: string) {
  const [offer] = await tx<{ id: string; ticketId: string; status: string; agentId: string; expired: boolean }[]>`
    select id, ticket_id, status, agent_id, expires_at <= now() as expired from offers where id = ${offerId} for update`;
  if (!offer || offer.agentId !== agentId) throw new HttpError(404, 'not_found', 'Offer not found.');
  if (offer.status !== 'pending' || offer.expired) throw offerGone();
  return offer;
}

/** The agent takes the offered ticket: it is assigned to them and leaves the queue. */
export async function acceptOffer(ctx: AppContext, offerId: string, agentId: string) {
  const ticketId = await ctx.sql.begin(async (tx) => {
    const offer = await lockPendingOffer(tx, offerId, agentId);
    await tx`update offers set status = 'accepted', responded_at = now() where id = ${offerId}`;
    await tx`
      update tickets set assignee_id = ${agentId}, status = case when status = 'new' then 'open' else status end, updated_at = now()
      where id = ${offer.ticketId}`;
    await writeAudit(tx, { actorUserId: agentId, action: 'ticket.assigned', entityType: 'ticket', entityId: offer.ticketId, data: { agentId, via: 'offer' } });
    return offer.ticketId;
  });
  ctx.publisher.emit([rooms.agent(agentId)], 'offer.ended', { offerId, ticketId, reason: 'accepted' });
  await publishTicketChanged(ctx, ticketId);
  const ticket = await findTicketSummary(ctx.sql, ticketId);
  // A call: ring the agent (the caller waits on hold audio until they pick up), or dial a waiting callback.
  if (ticket?.channel === 'voice') await connectAgentToTicket(ctx, ticketId, agentId);
  return ticket;
}

/** The agent turns the offer down: the ticket goes to the next agent. */
export async function rejectOffer(ctx: AppContext, offerId: string, agentId: string) {
  const ticketId = await ctx.sql.begin(async (tx) => {
    const offer = await lockPendingOffer(tx, offerId, agentId);
    await tx`update offers set status = 'rejected', responded_at = now() where id = ${offerId}`;
    await writeAudit(tx, { actorUserId: agentId, action: 'ticket.offer_rejected', entityType: 'ticket', entityId: offer.ticketId, data: { agentId, offerId } });
    return offer.ticketId;
  });
  ctx.publisher.emit([rooms.agent(agentId)], 'offer.ended', { offerId, ticketId, reason: 'rejected' });
  await kickRouting(ctx);
}

/**
 * Ends offers whose reservation ran out (one, or all overdue): the ticket goes to the next agent and the agent
 * who let it lapse is set away, so nothing more is offered to an empty desk.
 */
export async function expireOffers(ctx: AppContext, offerId?: string) {
  const expired = await withRoutingLock(ctx, async (tx) => {
    const rows = await tx<{ id: string; ticketId: string; agentId: string }[]>`
      update offers set status = 'timed_out', responded_at = now()
      where status = 'pending' and expires_at <= now() ${offerId ? tx`and id = ${offerId}` : tx``}
      returning id, ticket_id, agent_id`;
    for (const r of rows) {
      await writeAudit(tx, { actorUserId: null, action: 'ticket.offer_timed_out', entityType: 'ticket', entityId: r.ticketId, data: { agentId: r.agentId, offerId: r.id } });
    }
    return rows;
  });
  for (const r of expired) {
    ctx.publisher.emit([rooms.agent(r.agentId)], 'offer.ended', { offerId: r.id, ticketId: r.ticketId, reason: 'timed_out' });
    await setPresence(ctx, r.agentId, 'away', 'missed-offer');
  }
  return expired;
}

/**
 * Moves tickets that have waited in a queue for its overflow time without being taken to the queue's
 * overflow queue. Their age (queued_at) is kept, so they keep their place among older and newer contacts.
 */
export async function overflowWaitingTickets(ctx: AppContext) {
  const moved = await withRoutingLock(ctx, async (tx) => {
    const rows = await tx<{ id: string; fromQueueId: string; toQueueId: string }[]>`
      update tickets t set queue_id = q.overflow_queue_id, waiting_since = now(), updated_at = now()
      from queues q
      where t.queue_id = q.id and q.overflow_queue_id is not null
        and t.assignee_id is null and t.status not in ('resolved', 'closed')
        and (t.routable_after is null or t.routable_after <= now())
        and t.waiting_since <= now() - make_interval(secs => q.overflow_after_seconds)
        and not exists (select 1 from offers o where o.ticket_id = t.id and o.status = 'pending')
      returning t.id, q.id as from_queue_id, q.overflow_queue_id as to_queue_id`;
    for (const r of rows) {
      await writeAudit(tx, { actorUserId: null, action: 'ticket.overflowed', entityType: 'ticket', entityId: r.id, data: { fromQueueId: r.fromQueueId, toQueueId: r.toQueueId } });
    }
    return rows;
  });
  for (const r of moved) await publishTicketChanged(ctx, r.id);
  return moved;
}
