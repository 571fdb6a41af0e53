import { writeAudit, writeAudits } from '../commands/writeAudit';
import { announcePresence, changePresence } from '../commands/setPresence';
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';
import { rooms } from '../realtime/rooms';
import { publishTicketChanged, type TicketWatchers } from '../tickets/ticketEvents';
import { findAcceptedOfferTicket } from '../tickets/ticketQueries';
import { kickRouting } from './routingTasks';
import { withRoutingLock } from './routingPass';
import { connectAgentToTicket } from '../voice/connectCall';

const offerGone = () =>
  new HttpError(
    409,
    'offer_gone',
    'This offer is no longer available: it expired, was withdrawn or was answered already.',
  );

/** Why an offer could not be accepted: someone else's or none (404), or no longer pending (409). */
async function refuseAccept(ctx: Pick<AppContext, 'sql'>, offerId: string, agentId: string): Promise<never> {
  const [offer] = await ctx.sql<{ agentId: string }[]>`select agent_id from offers where id = ${offerId}`;
  if (!offer || offer.agentId !== agentId) throw new HttpError(404, 'not_found', 'Offer not found.');
  throw offerGone();
}

async function lockPendingOffer(tx: TransactionSql, offerId: string, agentId: string) {
  const [offer] = await tx<{ id: string; ticketId: string; status: string; agentId: string; expired: boolean }[]>`
    select id, ticket_id, status, agent_id, expires_at <= now() as expired from offers where id = ${offerId} for update`;
  if (!offer || offer.agentId !== agentId) throw new HttpError(404, 'not_found', 'Offer not found.');
  if (offer.status !== 'pending' || offer.expired) throw offerGone();
  return offer;
}

/**
 * The agent takes the offered ticket: it is assigned to them and leaves the queue. One statement: the offer's row
 * lock and its re-check (still pending, theirs, not expired) decide a race with the sweep or a withdrawal, and the
 * ticket's assignment and its audit entry happen only if the offer was accepted.
 */
export async function acceptOffer(ctx: AppContext, offerId: string, agentId: string) {
  // The accept and the read of the ticket it answers with go down one connection in one write.
  const conn = await ctx.sql.reserve();
  const accepting = conn<(TicketWatchers & { ticketId: string })[]>`
    with offer as (
      update offers set status = 'accepted', responded_at = now(), seen_at = coalesce(seen_at, now())
      where id = ${offerId} and agent_id = ${agentId} and status = 'pending' and expires_at > now()
      returning ticket_id
    ), ticket as (
      update tickets set assignee_id = ${agentId}, status = case when status = 'new' then 'open' else status end, updated_at = now()
      where id = (select ticket_id from offer)
      returning id, assignee_id, queue_id, (select q.team_id from queues q where q.id = tickets.queue_id) as team_id
    ), audited as (
      insert into audit_log (actor_user_id, actor_kind, action, entity_type, entity_id, data)
      select ${agentId}, 'user', 'ticket.assigned', 'ticket', ticket.id::text, ${ctx.sql.json({ agentId, via: 'offer' })}
      from ticket
    )
    select id as ticket_id, assignee_id, queue_id, team_id from ticket`.execute();
  const reading = findAcceptedOfferTicket(conn, offerId);
  // Both settle before the connection goes back to the pool: neither may still be running on it for its next user.
  const [acceptedRows, read] = await Promise.allSettled([accepting, reading]);
  conn.release();
  if (acceptedRows.status === 'rejected') throw acceptedRows.reason;
  if (read.status === 'rejected') throw read.reason;
  const [accepted] = acceptedRows.value;
  const ticket = read.value;
  if (!accepted) await refuseAccept(ctx, offerId, agentId);
  const { ticketId, ...watchers } = accepted;
  ctx.publisher.emit([rooms.agent(agentId)], 'offer.ended', { offerId, ticketId, reason: 'accepted' });
  await publishTicketChanged(ctx, ticketId, watchers);
  // A call: ring the agent (the caller waits on hold audio until they pick up), or dial a waiting callback.
  if (ticket?.channel === 'voice') await connectAgentToTicket(ctx, ticketId, agentId);
  return ticket;
}

/** The agent turns the offer down: the ticket goes to the next agent. */
export async function rejectOffer(ctx: AppContext, offerId: string, agentId: string) {
  const ticketId = await ctx.sql.begin(async (tx) => {
    const offer = await lockPendingOffer(tx, offerId, agentId);
    await tx`update offers set status = 'rejected', responded_at = now(), seen_at = coalesce(seen_at, now()) where id = ${offerId}`;
    await writeAudit(tx, {
      actorUserId: agentId,
      action: 'ticket.offer_rejected',
      entityType: 'ticket',
      entityId: offer.ticketId,
      data: { agentId, offerId },
    });
    return offer.ticketId;
  });
  ctx.publisher.emit([rooms.agent(agentId)], 'offer.ended', { offerId, ticketId, reason: 'rejected' });
  await kickRouting(ctx);
}

/**
 * Ends the offers whose time is up, whichever process made them. An offer the agent's console acknowledged and
 * let run out is timed out: it goes to the next agent and the agent is set away, so nothing more is offered to an
 * empty desk (unless they are on a call: nobody is set away mid-call). An offer never acknowledged within
 * ROUTING_POP_ACK_SECONDS never reached the agent (a dead process, a lost socket): it is withdrawn as `unseen`,
 * offered again, and counts against nobody.
 */
export async function expireOffers(ctx: AppContext) {
  const { ROUTING_POP_ACK_SECONDS: ackSeconds, AFTER_CALL_WORK_SECONDS: acwSeconds } = ctx.config;
  const ended = await withRoutingLock(ctx, async (tx) => {
    const rows = await tx<
      { id: string; ticketId: string; agentId: string; status: 'timed_out' | 'unseen'; onCall: boolean }[]
    >`
      update offers o set status = case when o.seen_at is null then 'unseen' else 'timed_out' end, responded_at = now()
      where o.status = 'pending'
        and (o.expires_at <= now() or (o.seen_at is null and o.offered_at <= now() - make_interval(secs => ${ackSeconds})))
      returning o.id, o.ticket_id, o.agent_id, o.status,
        exists (select 1 from calls c where c.agent_id = o.agent_id
                and (c.ended_at is null or (c.wrap_up = 'pending' and c.ended_at > now() - make_interval(secs => ${acwSeconds})))) as on_call`;
    await writeAudits(
      tx,
      rows.map((r) => ({
        actorUserId: null,
        action: r.status === 'unseen' ? 'ticket.offer_unseen' : 'ticket.offer_timed_out',
        entityType: 'ticket',
        entityId: r.ticketId,
        data: { agentId: r.agentId, offerId: r.id },
      })),
    );
    // Set away in the same transaction, under the routing lock: no pass can offer them more work in between, and a
    // process dying after the commit leaves no agent available who let an offer lapse.
    const away = [...new Set(rows.filter((r) => r.status === 'timed_out' && !r.onCall).map((r) => r.agentId))];
    const changes = [];
    for (const agentId of away) {
      const change = await changePresence(tx, agentId, 'away', 'missed-offer');
      if (change) changes.push({ agentId, change });
    }
    return { rows, changes };
  });
  for (const r of ended.rows) {
    ctx.publisher.emit([rooms.agent(r.agentId)], 'offer.ended', {
      offerId: r.id,
      ticketId: r.ticketId,
      reason: r.status === 'unseen' ? 'canceled' : 'timed_out',
    });
  }
  for (const { agentId, change } of ended.changes) await announcePresence(ctx, agentId, 'away', change);
  return ended.rows;
}

/**
 * The agent's console has the screen pop on screen (or the agent answered it): from now on the offer counts as
 * seen. Returns how long the pop took to reach the console, for the first acknowledgement only.
 */
export async function acknowledgeOffer(
  ctx: Pick<AppContext, 'sql'>,
  offerId: string,
  agentId: string,
): Promise<number | null> {
  const [row] = await ctx.sql<{ popSeconds: number }[]>`
    update offers set seen_at = now()
    where id = ${offerId} and agent_id = ${agentId} and status = 'pending' and seen_at is null
    returning extract(epoch from seen_at - offered_at)::float8 as pop_seconds`;
  return row?.popSeconds ?? null;
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
      await writeAudit(tx, {
        actorUserId: null,
        action: 'ticket.overflowed',
        entityType: 'ticket',
        entityId: r.id,
        data: { fromQueueId: r.fromQueueId, toQueueId: r.toQueueId },
      });
    }
    return rows;
  });
  for (const r of moved) await publishTicketChanged(ctx, r.id);
  return moved;
}
