import { isCallStatus, isFinal, type CallStatus } from '../../channels/voice/callStatus';
import { setPresence } from '../commands/setPresence';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { enqueueTicket } from '../routing/enqueueTicket';
import { kickRouting } from '../routing/routingTasks';
import { rooms } from '../realtime/rooms';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { publishCallChanged } from './callEvents';
import { dropUnplacedLegs, findCall, findLeg, liveLegs, type CallRow } from './callQueries';
import { twimlFor } from './callTwiml';
import { callableOwnNumber } from './callbackNumber';
import { releaseWaitingCallback, requestCallbackFromCall, settleCallbackAttempt } from './callbacks';
import { ringAgent } from './connectCall';
import { endTwilioCall } from './endTwilioCall';
import { redirectCall } from './redirectCall';
import { loadIvr } from './ivrSettings';
import { freeToTakeCall, previousAgentOnCall } from './transferRecall';
import { voiceUrl } from './voiceUrls';
import { slaOnTicketChanged } from '../sla/slaHooks';

/**
 * A status callback for a customer's call (the number's status callback, or the one we gave an outbound call).
 * Statuses only move forward, so duplicates and late arrivals change nothing; the first final status ends the call.
 */
export async function applyCallStatus(ctx: AppContext, p: { callSid: string; status: string; callId?: string }) {
  if (!isCallStatus(p.status)) return;
  const [row] = await ctx.sql<{ id: string }[]>`
    update calls set status = ${p.status}, call_sid = coalesce(call_sid, ${p.callSid}), updated_at = now()
    where ${p.callId ? ctx.sql`id = ${p.callId} and (call_sid is null or call_sid = ${p.callSid})` : ctx.sql`call_sid = ${p.callSid}`}
      and call_status_rank(status) < call_status_rank(${p.status})
    returning id`;
  if (!row) return;
  if (isFinal(p.status)) await endCall(ctx, row.id, p.status);
  else await publishCallChanged(ctx, row.id);
}

/**
 * The customer is gone. Times are taken; a queued caller who hung up before an agent, without asking for a callback
 * or leaving a message, abandoned (their ticket leaves the queue); agents still ringing stop; the agent who talked
 * starts wrap-up; a callback attempt is settled; a callback the caller asked for is left waiting for an agent.
 */
async function endCall(ctx: AppContext, callId: string, status: CallStatus) {
  const acw = ctx.config.AFTER_CALL_WORK_SECONDS;
  // A caller who hangs up while asked for a callback number is called back on their own; a withheld one has none.
  const [{ fromNumber }] = await ctx.sql<{ fromNumber: string }[]>`select from_number from calls where id = ${callId}`;
  const ownNumber = callableOwnNumber(fromNumber);
  const ownNumberCallable = ownNumber !== null;
  const ended = await ctx.sql.begin(async (tx) => {
    const [c] = await tx<{ ticketId: string | null; abandoned: boolean; agentId: string | null; connected: boolean }[]>`
      update calls set ended_at = coalesce(ended_at, now()), customer_on_hold = false, customer_in_conference = false,
        talk_seconds = case when connected_at is not null then extract(epoch from now() - connected_at)::int end,
        abandoned = direction = 'inbound' and enqueued_at is not null and connected_at is null and not voicemail
          and not (callback_requested and (callback_id is not null or ${ownNumberCallable})),
        wrap_up = case when connected_at is not null and agent_id is not null and ${acw} > 0 then 'pending' end,
        updated_at = now()
      where id = ${callId}
      returning ticket_id, abandoned, agent_id, connected_at is not null as connected`;
    if (c.abandoned && c.ticketId) {
      const withdrawn = await tx<{ id: string; agentId: string }[]>`
        update offers set status = 'canceled', responded_at = now() where ticket_id = ${c.ticketId} and status = 'pending' returning id, agent_id`;
      await tx`
        update tickets set status = 'resolved', resolved_at = now(), routable_after = null, updated_at = now()
        where id = ${c.ticketId} and assignee_id is null and status not in ('resolved', 'closed')`;
      await slaOnTicketChanged(ctx, tx, c.ticketId);
      await writeAudit(tx, {
        actorUserId: null,
        actorKind: 'customer',
        action: 'call.abandoned',
        entityType: 'ticket',
        entityId: c.ticketId,
        data: { callId, status },
      });
      return { ...c, withdrawn };
    }
    return { ...c, withdrawn: [] as { id: string; agentId: string }[] };
  });
  for (const o of ended.withdrawn)
    ctx.publisher.emit([rooms.agent(o.agentId)], 'offer.ended', {
      offerId: o.id,
      ticketId: ended.ticketId!,
      reason: 'canceled',
    });
  const call = (await findCall(ctx.sql, callId))!;
  let callbackId = call.callbackId;
  if (call.callbackRequested && !callbackId && call.queueId && ownNumber)
    callbackId = await requestCallbackFromCall(ctx, callId, call.queueId, ownNumber);
  // An agent rung for this caller, who then chose a callback, never talked to them: the callback is anyone's to dial.
  if (callbackId && call.direction === 'inbound' && !ended.connected) await releaseWaitingCallback(ctx, callbackId);
  // A customer we called who answered yet never reached an agent (the agent hung up just then, or joining failed)
  // was not served: the attempt failed, and is tried again while attempts remain. (It still counts: they were rung.)
  const outcome = ended.connected ? 'completed' : status === 'completed' ? 'failed' : status;
  if (call.callbackId && call.direction === 'outbound')
    await settleCallbackAttempt(ctx, call.callbackId, call.callSid, outcome);
  if (call.origin === 'click_to_dial' && !ended.connected) {
    await ctx.sql`update calls set error = coalesce(error, ${`The customer's line: ${status}.`}) where id = ${callId}`;
  }
  await dropUnplacedLegs(ctx.sql, callId);
  for (const leg of await liveLegs(ctx.sql, callId)) {
    if (!leg.callSid) continue;
    await endTwilioCall(ctx, leg.callSid, Boolean(leg.answeredAt)).catch((err) =>
      ctx.log.info({ err: err.message, leg: leg.id }, 'agent leg already gone'),
    );
  }
  await publishCallChanged(ctx, callId);
  await kickRouting(ctx);
}

/**
 * A status callback for an agent's leg. An agent who never picked up gives the contact back: a queued caller, still
 * on hold audio, goes to the next agent, and the agent is set away. An agent who hangs up ends the conversation for
 * the customer unless another agent has the call (a transfer) — and never leaves a customer alone in the conference.
 */
export async function applyLegStatus(
  ctx: AppContext,
  p: { legId: string; callSid: string | null; status: string },
  dialError?: string,
) {
  if (!isCallStatus(p.status)) return;
  const [row] = await ctx.sql<{ id: string }[]>`
    update call_legs set status = ${p.status}, call_sid = coalesce(call_sid, ${p.callSid}),
      answered_at = case when ${p.status} = 'in-progress' then coalesce(answered_at, now()) else answered_at end,
      ended_at = case when call_status_rank(${p.status}) = 4 then coalesce(ended_at, now()) else ended_at end
    where id = ${p.legId} and call_status_rank(status) < call_status_rank(${p.status})
    returning id`;
  if (!row) return;
  const leg = (await findLeg(ctx.sql, p.legId))!;
  const call = (await findCall(ctx.sql, leg.callId))!;
  if (isFinal(p.status) && !call.endedAt && call.agentId === leg.agentId) {
    if (!leg.answeredAt) await agentMissedCall(ctx, call.id, leg.agentId, p.status, dialError);
    else await agentLeftCall(ctx, call.id, leg.agentId, leg.id);
  }
  await publishCallChanged(ctx, call.id);
}

/**
 * The agent hung up after answering, and no other agent is on the call. A customer in the conference is told goodbye.
 * One not in it yet — the agent hung up while the customer was being dialled, or redirected out of the queue — is
 * never brought into an empty conference (bridgeCustomer and answerJoin check, with the call locked as here):
 * - a caller goes back to the queue, their ticket to routing unassigned. The agent is treated as one who missed the
 *   call (set away, audited as a miss): they dropped it before a word was said — most often a closed browser tab or
 *   a lost line — so nothing more should ring there until they say they are back;
 * - a customer we were calling stops ringing and the call ends `canceled`: a click-to-dial says the agent hung up, a
 *   callback attempt is settled `canceled`, which is always tried again (settleCallbackAttempt).
 */
async function agentLeftCall(ctx: AppContext, callId: string, agentId: string, legId: string) {
  const next = await ctx.sql.begin(async (tx) => {
    const call = (await findCall(tx, callId, true))!;
    if (call.endedAt || call.agentId !== agentId) return null;
    const [other] =
      await tx`select 1 from call_legs where call_id = ${callId} and id <> ${legId} and ended_at is null limit 1`;
    if (other) return null;
    if (call.customerInConference) return { kind: 'goodbye' as const, call };
    if (call.direction === 'outbound') {
      await tx`
        update calls set ended_at = now(), status = case when call_status_rank(status) < 4 then 'canceled' else status end,
          error = 'The agent hung up before the customer was connected.', updated_at = now()
        where id = ${callId}`;
      return { kind: 'stopDialling' as const, call };
    }
    await tx`update calls set agent_id = null, updated_at = now() where id = ${callId}`;
    if (call.ticketId && call.queueId) await requeueCaller(tx, call, call.queueId);
    await writeAudit(tx, {
      actorUserId: null,
      action: 'call.agent_missed',
      entityType: 'ticket',
      entityId: call.ticketId ?? callId,
      data: { agentId, status: 'completed', callId, hungUpBeforeConnected: true },
    });
    return { kind: 'requeued' as const, call };
  });
  if (!next) return;
  const { call } = next;
  if (next.kind === 'goodbye' && call.callSid) {
    // Both hung up at once: a customer already gone is settled by their own status callback.
    await redirectCall(ctx, call.callSid, voiceUrl(ctx.config.PUBLIC_URL, 'goodbye', { callId }));
  } else if (next.kind === 'stopDialling') {
    if (call.callSid)
      await endTwilioCall(ctx, call.callSid).catch((err) =>
        ctx.log.info({ err: err.message, callId }, 'customer call already gone'),
      );
    await endCall(ctx, callId, 'canceled');
  } else if (next.kind === 'requeued') {
    if (call.ticketId) await ticketLeftAgent(ctx, call.ticketId, agentId);
    await setPresence(ctx, agentId, 'away', 'missed-offer');
    await kickRouting(ctx);
  }
}

/**
 * The agent's leg could not be placed at all (Twilio refused it or could not be reached, and the dial job gave up):
 * it ends `failed` as if Twilio had said so, and the contact goes back to routing. The agent is not set away: nothing
 * rang, so they missed nothing; the fault is the platform's, and in a Twilio outage setting away would take the
 * agents off the floor one by one while no one could have been rung anyway.
 */
export function applyLegDialFailure(ctx: AppContext, legId: string, error: string) {
  return applyLegStatus(ctx, { legId, callSid: null, status: 'failed' }, error);
}

/**
 * The customer's side of a call we place could not be dialled (the bridge job gave up): the call ends `failed` as
 * if Twilio had said so, so a callback attempt is settled failed (and retried while attempts remain) and the agent
 * waiting in the conference is let go. A queued caller's call is Twilio's to end: it is left alone.
 */
export async function applyCustomerDialFailure(ctx: AppContext, callId: string, error: string) {
  const [row] = await ctx.sql<{ id: string }[]>`
    update calls set status = 'failed', error = ${`Could not dial the customer: ${error}`}, updated_at = now()
    where id = ${callId} and direction = 'outbound' and call_sid is null and call_status_rank(status) < 4
    returning id`;
  if (row) await endCall(ctx, row.id, 'failed');
}

/**
 * An agent's leg ended unanswered: a Twilio-reported miss (the agent is set away), or a leg never placed (`dialError`).
 * A call not yet connected: a queued caller goes to the next agent, still on hold audio; a call we were placing ends,
 * nothing having reached the customer (a callback waits for its next agent).
 *
 * A connected call handed to this agent (a cold transfer: the customer waits on hold in the conference) goes back to
 * the agent who transferred it if they are free — a PBX's transfer recall: the customer hears the agent who knows
 * their story again within seconds. Otherwise it waits in the queue of the call or of its ticket, on hold, for routing
 * to offer it. A call with nowhere to wait (an agent's own click-to-dial) is not left on hold for nobody: the customer
 * hears an apology and the call ends; the ticket goes back to the agent who transferred it, to follow up.
 */
async function agentMissedCall(ctx: AppContext, callId: string, agentId: string, status: string, dialError?: string) {
  const call = (await findCall(ctx.sql, callId))!;
  const next = await ctx.sql.begin(async (tx) => {
    let next: { kind: 'recall'; agentId: string } | { kind: 'apologise' } | null = null;
    await tx`update calls set agent_id = null, updated_at = now() where id = ${callId}`;
    if (call.customerInConference) {
      const previous = await previousAgentOnCall(tx, callId, agentId);
      const [ticket] = call.ticketId
        ? await tx<
            { queueId: string | null }[]
          >`select coalesce(${call.queueId}::uuid, queue_id) as queue_id from tickets where id = ${call.ticketId}`
        : [];
      if (previous && (await freeToTakeCall(tx, previous, callId, ctx.config.AFTER_CALL_WORK_SECONDS))) {
        next = { kind: 'recall', agentId: previous };
        if (call.ticketId) {
          await tx`update tickets set assignee_id = ${previous}, updated_at = now() where id = ${call.ticketId}`;
          await writeAudit(tx, {
            actorUserId: null,
            action: 'call.transferred',
            entityType: 'ticket',
            entityId: call.ticketId,
            data: { callId, agentId: previous, recall: true },
          });
        }
      } else if (call.ticketId && ticket?.queueId) {
        await requeueCaller(tx, call, ticket.queueId);
      } else {
        next = { kind: 'apologise' };
        if (call.ticketId && previous) {
          await tx`update tickets set assignee_id = ${previous}, updated_at = now() where id = ${call.ticketId}`;
          await writeAudit(tx, {
            actorUserId: null,
            action: 'ticket.assigned',
            entityType: 'ticket',
            entityId: call.ticketId,
            data: { agentId: previous, via: 'missed-transfer' },
          });
        }
      }
    } else {
      if (call.direction === 'outbound' && !call.connectedAt) {
        // The agent's own callback or dial-out: nothing reached the customer.
        const error = dialError ? `Could not ring the agent: ${dialError}` : `The agent's phone: ${status}.`;
        await tx`update calls set ended_at = now(), status = 'canceled', error = ${error} where id = ${callId}`;
        if (call.callbackId)
          await tx`update callbacks set status = 'pending', updated_at = now() where id = ${call.callbackId} and status = 'dialing'`;
      }
      if (call.ticketId && (call.direction === 'inbound' || call.callbackId)) {
        if (call.queueId || call.direction === 'outbound') {
          const [{ queueId }] = await tx<
            { queueId: string | null }[]
          >`select coalesce(${call.queueId}::uuid, queue_id) as queue_id from tickets where id = ${call.ticketId}`;
          await requeueCaller(tx, call, queueId);
        } else {
          await tx`update tickets set routable_after = null where id = ${call.ticketId}`;
        }
      }
    }
    if (dialError) {
      await writeAudit(tx, {
        actorUserId: null,
        action: 'call.agent_dial_failed',
        entityType: 'ticket',
        entityId: call.ticketId ?? callId,
        data: { agentId, callId, error: dialError },
      });
    } else {
      await writeAudit(tx, {
        actorUserId: null,
        action: 'call.agent_missed',
        entityType: 'ticket',
        entityId: call.ticketId ?? callId,
        data: { agentId, status, callId },
      });
    }
    return next;
  });
  if (!dialError) await setPresence(ctx, agentId, 'away', 'missed-offer');
  if (next?.kind === 'recall') await ringAgent(ctx, callId, next.agentId);
  if (next?.kind === 'apologise' && call.callSid) {
    const twiml = twimlFor(ctx, await loadIvr(ctx.sql)).goodbye(
      'Sorry, nobody is free to take your call right now. We will get back to you. Goodbye.',
    );
    await ctx.voice.client
      .calls(call.callSid)
      .update({ twiml })
      .catch((err) => ctx.log.info({ err: err.message, callId }, 'customer call already gone'));
  }
  if (call.ticketId) await ticketLeftAgent(ctx, call.ticketId, agentId);
  await kickRouting(ctx);
}

/**
 * The call's ticket waits in a queue again, unassigned, for routing to offer it — unless the caller is on their way
 * out, keying the number for a callback they asked for: it stays held back until they confirm it (or hang up).
 */
async function requeueCaller(tx: TransactionSql, call: CallRow, queueId: string | null) {
  const choosingCallback = call.direction === 'inbound' && call.callbackRequested && !call.callbackId;
  if (!choosingCallback) await tx`update tickets set routable_after = null where id = ${call.ticketId}`;
  await enqueueTicket(tx, call.ticketId!, queueId);
}

/** The ticket changed hands: its new holders are told, and so is the agent it left (their inbox drops it). */
async function ticketLeftAgent(ctx: AppContext, ticketId: string, agentId: string) {
  ctx.publisher.emit([rooms.agent(agentId)], 'ticket.changed', { ticketId });
  await publishTicketChanged(ctx, ticketId);
}
