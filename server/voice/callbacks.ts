import type { AppContext } from '../context';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import type { SessionUser } from '../auth/sessions';
import { writeAudit } from '../commands/writeAudit';
import { callableOwnNumber, keyedCallbackNumber } from './callbackNumber';
import type { Sql, TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';
import { parsePhoneInput } from '../http/phoneInput';
import type { CallbackView } from '../http/voiceApiTypes';
import { rooms } from '../realtime/rooms';
import { cancelPendingOffers } from '../routing/enqueueTicket';
import { kickRouting } from '../routing/routingTasks';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { publishCallChanged } from './callEvents';
import { findCall } from './callQueries';
import { twimlFor } from './callTwiml';
import { loadIvr } from './ivrSettings';
import { openCallTicket } from './queueCall';

const MAX_NUMBER_ATTEMPTS = 3;

/**
 * The caller confirms the number to call back (1 = the number they call from) or keys another. The callback keeps
 * the caller's place: it rides on their ticket, whose age in the queue is unchanged, and routing offers it like any
 * contact. A caller who never got this far (hung up while asked) is called back on their own number.
 */
export async function answerCallbackNumber(
  ctx: AppContext,
  callId: string,
  queueId: string,
  attempt: number,
  digits: string | null,
): Promise<string> {
  const ivr = await loadIvr(ctx.sql);
  const twiml = twimlFor(ctx, ivr);
  const call = await findCall(ctx.sql, callId);
  if (!call) throw new HttpError(404, 'not_found', 'Call not found.');
  // A withheld (or unreadable) caller ID is no number to call back on: the caller must key one in.
  const ownNumber = callableOwnNumber(call.fromNumber);
  let phone: string | null = null;
  if (digits === '1' || (!digits && attempt + 1 >= MAX_NUMBER_ATTEMPTS)) phone = ownNumber;
  else if (digits) phone = keyedCallbackNumber(digits, ownNumber, ctx.config.DEFAULT_PHONE_REGION);
  if (!phone) {
    if (attempt + 1 >= MAX_NUMBER_ATTEMPTS) {
      // Told no callback will come: the request is withdrawn, so hanging up does not file one after all.
      await ctx.sql`update calls set callback_requested = false, updated_at = now() where id = ${callId} and callback_id is null`;
      return twiml.goodbye('Sorry, we could not take your number. Please call again later. Goodbye.');
    }
    return twiml.callbackNumber(
      callId,
      queueId,
      call.fromNumber,
      attempt + 1,
      'Sorry, that is not a number we can call.',
    );
  }
  await requestCallbackFromCall(ctx, callId, queueId, phone);
  return twiml.goodbye(
    `Thank you. We will call you back at ${phone.replace(/\D/g, '').split('').join(' ')}, keeping your place in line. Goodbye.`,
  );
}

/** Files the callback for a call (once), on the call's ticket, which becomes routable again at its old position. */
export async function requestCallbackFromCall(ctx: AppContext, callId: string, queueId: string, phone: string) {
  const call = (await findCall(ctx.sql, callId))!;
  if (call.callbackId) return call.callbackId;
  // A callback chosen in the menu (never queued) opens its ticket now.
  if (!call.ticketId) {
    const [queue] = await ctx.sql<{ name: string }[]>`select name from queues where id = ${queueId}`;
    await openCallTicket(ctx, callId, queueId, queue?.name ?? 'the queue');
  }
  const ticketId = (await findCall(ctx.sql, callId))!.ticketId!;
  const callbackId = await ctx.sql.begin(async (tx) => {
    const [locked] = await tx<
      { callbackId: string | null }[]
    >`select callback_id from calls where id = ${callId} for update`;
    if (locked.callbackId) return locked.callbackId;
    const [t] = await tx<
      { queuedAt: Date | null; customerId: string }[]
    >`select queued_at, customer_id from tickets where id = ${ticketId}`;
    const [cb] = await tx<{ id: string }[]>`
      insert into callbacks (customer_id, ticket_id, origin_call_id, queue_id, phone_number, queued_since, due_at, max_attempts)
      values (${t.customerId}, ${ticketId}, ${callId}, ${queueId}, ${phone}, ${t.queuedAt ?? new Date()}, now(), ${ctx.config.CALLBACK_MAX_ATTEMPTS})
      returning id`;
    await tx`update calls set callback_id = ${cb.id}, callback_requested = true, updated_at = now() where id = ${callId}`;
    await tx`update tickets set routable_after = null, updated_at = now() where id = ${ticketId}`;
    await writeAudit(tx, {
      actorUserId: null,
      actorKind: 'customer',
      action: 'callback.requested',
      entityType: 'ticket',
      entityId: ticketId,
      data: { phone, callbackId: cb.id },
    });
    return cb.id;
  });
  await publishCallChanged(ctx, callId);
  await kickRouting(ctx);
  return callbackId;
}

/**
 * A callback waiting for an agent must be routable. Its ticket may still be held by an agent who was rung for the
 * caller, who then chose to be called back instead (or whose call ended before that agent talked to them): with the
 * caller's call over and nobody dialling the callback, the ticket leaves that agent and waits in its queue, at its
 * old place, for routing to offer it.
 */
export async function releaseWaitingCallback(ctx: AppContext, callbackId: string) {
  const released = await ctx.sql.begin(async (tx) => {
    const [t] = await tx<{ id: string; assigneeId: string; queueId: string | null }[]>`
      select t.id, t.assignee_id, coalesce(t.queue_id, c.queue_id) as queue_id
      from callbacks c join tickets t on t.id = c.ticket_id
      where c.id = ${callbackId} and c.status in ('pending', 'offered')
        and t.assignee_id is not null and t.status not in ('resolved', 'closed')
        and not exists (select 1 from calls l where l.ticket_id = t.id and l.ended_at is null)
      for update of t`;
    if (!t) return null;
    await tx`update tickets set assignee_id = null, queue_id = ${t.queueId}, updated_at = now() where id = ${t.id}`;
    await writeAudit(tx, {
      actorUserId: null,
      action: 'ticket.transferred',
      entityType: 'ticket',
      entityId: t.id,
      data: { toQueueId: t.queueId, fromAgentId: t.assigneeId, reason: 'callback-waiting', callbackId },
    });
    return t;
  });
  if (!released) return;
  ctx.publisher.emit([rooms.agent(released.assigneeId)], 'ticket.changed', { ticketId: released.id });
  await publishTicketChanged(ctx, released.id);
  await kickRouting(ctx);
}

/**
 * An agent or supervisor books a callback for a time: a voice ticket for the customer in the chosen queue, held back
 * from routing until the time comes, then offered like any contact.
 */
export async function scheduleCallback(
  ctx: AppContext,
  input: { customerId: string; phoneNumber: string; queueId: string; dueAt: Date; note: string },
  actor: Pick<SessionUser, 'userId' | 'role'>,
) {
  const actorUserId = actor.userId;
  const phone = parsePhoneInput(ctx, input.phoneNumber, 'phoneNumber');
  const result = await ctx.sql.begin(async (tx) => {
    const [customer] = await tx<
      { id: string; mergedIntoId: string | null }[]
    >`select id, merged_into_id from customers where id = ${input.customerId}`;
    if (!customer) throw new HttpError(404, 'not_found', 'Customer not found.');
    const customerId = customer.mergedIntoId ?? customer.id;
    // Only into a queue whose tickets the booker may open: the same rule as every ticket route.
    const [queue] = await tx`
      select 1 from (select q.id as queue_id, null::uuid as assignee_id from queues q where q.id = ${input.queueId}) t
      where ${visibleTicketsCondition(tx, actor)}`;
    if (!queue)
      throw new HttpError(400, 'invalid_input', 'queueId: no such queue', [
        { path: 'queueId', message: 'no such queue' },
      ]);
    const [ticket] = await tx<{ id: string }[]>`
      insert into tickets (customer_id, channel, subject, status, queue_id, queued_at, waiting_since, routable_after)
      values (${customerId}, 'voice', ${`Callback to ${phone}`}, 'new', ${input.queueId}, ${input.dueAt}, ${input.dueAt}, ${input.dueAt})
      returning id`;
    const [cb] = await tx<{ id: string }[]>`
      insert into callbacks (customer_id, ticket_id, queue_id, phone_number, queued_since, due_at, max_attempts, requested_by_user_id, note)
      values (${customerId}, ${ticket.id}, ${input.queueId}, ${phone}, ${input.dueAt}, ${input.dueAt}, ${ctx.config.CALLBACK_MAX_ATTEMPTS}, ${actorUserId}, ${input.note})
      returning id`;
    await writeAudit(tx, {
      actorUserId,
      action: 'callback.scheduled',
      entityType: 'ticket',
      entityId: ticket.id,
      data: { phone, dueAt: input.dueAt.toISOString(), callbackId: cb.id },
    });
    return { ticketId: ticket.id, callbackId: cb.id };
  });
  await publishTicketChanged(ctx, result.ticketId);
  await kickRouting(ctx);
  return result;
}

/**
 * Callbacks (`c`) a user may see: those whose ticket they may see, or whose queue's tickets they may see — a
 * finished callback's ticket may have left the queue, yet the queue's people still follow up on it.
 */
function visibleCallbacksCondition(sql: Sql, viewer: Pick<SessionUser, 'userId' | 'role'>) {
  return sql`(
    exists (select 1 from tickets t where t.id = c.ticket_id and ${visibleTicketsCondition(sql, viewer)})
    or exists (select 1 from (select c.queue_id, null::uuid as assignee_id) t where ${visibleTicketsCondition(sql, viewer)}))`;
}

/**
 * Cancels a callback not yet dialled, by someone who may see its ticket; the ticket leaves the queue. A ticket that
 * was opened only to carry this callback (booked for a time, with no message, note or other callback on it) has
 * nothing left to do and is resolved, rather than lingering as an open ticket in the customer's history. A callback
 * a caller asked for rides on their call's ticket, which stays as it is.
 */
export async function cancelCallback(ctx: AppContext, callbackId: string, actor: Pick<SessionUser, 'userId' | 'role'>) {
  const actorUserId = actor.userId;
  const [visible] =
    await ctx.sql`select 1 from callbacks c where c.id = ${callbackId} and ${visibleCallbacksCondition(ctx.sql, actor)}`;
  if (!visible) throw new HttpError(404, 'not_found', 'Callback not found.');
  const ticket = await ctx.sql.begin(async (tx) => {
    const [cb] = await tx<{ status: string; ticketId: string | null; originCallId: string | null }[]>`
      select status, ticket_id, origin_call_id from callbacks where id = ${callbackId} for update`;
    if (!['pending', 'offered'].includes(cb.status))
      throw new HttpError(
        409,
        'callback_not_pending',
        `This callback is ${cb.status}; only a waiting callback can be canceled.`,
      );
    // Listing follows the queue too, but cancelling changes the callback's ticket: that takes the ticket rule.
    const [ticketVisible] = cb.ticketId
      ? await tx`select 1 from tickets t where t.id = ${cb.ticketId} and ${visibleTicketsCondition(tx, actor)}`
      : [true];
    if (!ticketVisible) throw new HttpError(404, 'not_found', 'Callback not found.');
    await tx`update callbacks set status = 'canceled', updated_at = now() where id = ${callbackId}`;
    if (!cb.ticketId) {
      await writeAudit(tx, {
        actorUserId,
        action: 'callback.canceled',
        entityType: 'ticket',
        entityId: callbackId,
        data: { callbackId },
      });
      return null;
    }
    const [before] = await tx<
      { status: string; queueId: string | null }[]
    >`select status, queue_id from tickets where id = ${cb.ticketId} for update`;
    const withdrawn = await unqueue(tx, cb.ticketId);
    await writeAudit(tx, {
      actorUserId,
      action: 'callback.canceled',
      entityType: 'ticket',
      entityId: cb.ticketId,
      data: { callbackId },
    });
    const [resolved] = cb.originCallId
      ? []
      : await tx`
          update tickets t set status = 'resolved', resolved_at = now(), routable_after = null, updated_at = now()
          where t.id = ${cb.ticketId} and t.status not in ('resolved', 'closed')
            and not exists (select 1 from messages m where m.ticket_id = t.id)
            and not exists (select 1 from callbacks o where o.ticket_id = t.id and o.id <> ${callbackId} and o.status in ('pending', 'offered', 'dialing'))
          returning t.id`;
    if (resolved) {
      await writeAudit(tx, {
        actorUserId,
        action: 'ticket.status_changed',
        entityType: 'ticket',
        entityId: cb.ticketId,
        data: { from: before.status, to: 'resolved', reason: 'callback-canceled', callbackId },
      });
    }
    return { id: cb.ticketId, queueId: before.queueId, withdrawn };
  });
  if (!ticket) return;
  for (const o of ticket.withdrawn)
    ctx.publisher.emit([rooms.agent(o.agentId)], 'offer.ended', {
      offerId: o.id,
      ticketId: ticket.id,
      reason: 'canceled',
    });
  // The queue it left is told too: its waiting list drops it.
  if (ticket.queueId) ctx.publisher.emitTicketChange([rooms.queue(ticket.queueId)], { ticketId: ticket.id });
  await publishTicketChanged(ctx, ticket.id);
}

/** Takes an unassigned ticket out of its queue; returns the offers withdrawn. */
async function unqueue(tx: TransactionSql, ticketId: string) {
  const withdrawn = await cancelPendingOffers(tx, ticketId);
  await tx`update tickets set queue_id = null, routable_after = null, updated_at = now() where id = ${ticketId} and assignee_id is null`;
  return withdrawn;
}

/**
 * A callback attempt ended. Answered: done. Busy, no answer or failed: tried again after the configured delay (the
 * ticket leaves the agent and waits, keeping its age) until the attempts run out. Canceled — our side ended it before
 * the customer was put through to an agent (the agent hung up while it rang) — is no fault of the customer's line:
 * it is tried again after the delay too, and does not use up one of the customer's attempts (the attempt log still
 * shows it, so `attempts` may then exceed `max_attempts`).
 */
export async function settleCallbackAttempt(
  ctx: AppContext,
  callbackId: string,
  callSid: string | null,
  outcome: string,
) {
  const ticketId = await ctx.sql.begin(async (tx) => {
    const [cb] = await tx<{ attempts: number; maxAttempts: number; ticketId: string | null; status: string }[]>`
      select attempts, max_attempts, ticket_id, status from callbacks where id = ${callbackId} for update`;
    if (!cb || ['completed', 'failed', 'canceled'].includes(cb.status)) return null;
    await tx`update callback_attempts set outcome = ${outcome}, ended_at = now() where callback_id = ${callbackId} and attempt = ${cb.attempts} and outcome is null`;
    const [{ counted }] = await tx<{ counted: number }[]>`
      select count(*)::int as counted from callback_attempts where callback_id = ${callbackId} and outcome is distinct from 'canceled'`;
    const retry = outcome !== 'completed' && (outcome === 'canceled' || counted < cb.maxAttempts);
    const status = outcome === 'completed' ? 'completed' : retry ? 'pending' : 'failed';
    await tx`
      update callbacks set status = ${status}, last_outcome = ${outcome}, updated_at = now(),
        due_at = case when ${retry} then now() + make_interval(secs => ${ctx.config.CALLBACK_RETRY_DELAY_SECONDS}) else due_at end
      where id = ${callbackId}`;
    if (retry && cb.ticketId) {
      await tx`
        update tickets set assignee_id = null, routable_after = now() + make_interval(secs => ${ctx.config.CALLBACK_RETRY_DELAY_SECONDS}), updated_at = now()
        where id = ${cb.ticketId}`;
    }
    if (cb.ticketId) {
      await writeAudit(tx, {
        actorUserId: null,
        action: `callback.${status === 'pending' ? 'retry_scheduled' : status}`,
        entityType: 'ticket',
        entityId: cb.ticketId,
        data: { callbackId, attempt: cb.attempts, outcome, callSid },
      });
    }
    return cb.ticketId;
  });
  if (ticketId) await publishTicketChanged(ctx, ticketId);
}

/** At most 200: those still to be made soonest due first, then those that are over, latest first. */
export async function listCallbacks(
  ctx: AppContext,
  filter: { status?: string; ticketId?: string; customerId?: string; visibleTo?: Pick<SessionUser, 'userId' | 'role'> },
): Promise<CallbackView[]> {
  const { sql } = ctx;
  const rows = await sql<
    (Omit<CallbackView, 'dueAt' | 'queuedSince' | 'attemptLog'> & { dueAt: Date; queuedSince: Date })[]
  >`
    select c.id, c.customer_id, cu.name as customer_name, c.ticket_id, c.queue_id, c.phone_number, c.status, c.due_at, c.queued_since,
      c.attempts, c.max_attempts, c.note, c.last_outcome, c.requested_by_user_id
    from callbacks c left join customers cu on cu.id = c.customer_id
    where true
      ${filter.status ? sql`and c.status = ${filter.status}` : sql``}
      ${filter.ticketId ? sql`and c.ticket_id = ${filter.ticketId}` : sql``}
      ${filter.customerId ? sql`and c.customer_id = ${filter.customerId}` : sql``}
      ${filter.visibleTo ? sql`and ${visibleCallbacksCondition(sql, filter.visibleTo)}` : sql``}
    order by c.status in ('completed', 'failed', 'canceled'),
      case when c.status in ('pending', 'offered', 'dialing') then c.due_at end,
      c.updated_at desc
    limit 200`;
  const attempts = rows.length
    ? await sql<
        {
          callbackId: string;
          attempt: number;
          agentId: string | null;
          outcome: string | null;
          startedAt: Date;
          endedAt: Date | null;
        }[]
      >`
        select callback_id, attempt, agent_id, outcome, started_at, ended_at from callback_attempts
        where callback_id = any(${rows.map((r) => r.id)}::uuid[]) order by attempt`
    : [];
  return rows.map((r) => ({
    ...r,
    dueAt: r.dueAt.toISOString(),
    queuedSince: r.queuedSince.toISOString(),
    attemptLog: attempts
      .filter((a) => a.callbackId === r.id)
      .map((a) => ({
        attempt: a.attempt,
        agentId: a.agentId,
        outcome: a.outcome,
        startedAt: a.startedAt.toISOString(),
        endedAt: a.endedAt?.toISOString() ?? null,
      })),
  }));
}
