import { isCallStatus, isFinal, type CallStatus } from '../../channels/voice/callStatus';
import { setPresence } from '../commands/setPresence';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import { enqueueTicket } from '../routing/enqueueTicket';
import { kickRouting } from '../routing/routingTasks';
import { rooms } from '../realtime/rooms';
import { publishCallChanged } from './callEvents';
import { findCall, findLeg, liveLegs } from './callQueries';
import { callableOwnNumber } from './callbackNumber';
import { requestCallbackFromCall, settleCallbackAttempt } from './callbacks';
import { voiceUrl } from './voiceUrls';

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
 * starts wrap-up; a callback attempt is settled.
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
      await writeAudit(tx, { actorUserId: null, actorKind: 'customer', action: 'call.abandoned', entityType: 'ticket', entityId: c.ticketId, data: { callId, status } });
      return { ...c, withdrawn };
    }
    return { ...c, withdrawn: [] as { id: string; agentId: string }[] };
  });
  for (const o of ended.withdrawn) ctx.publisher.emit([rooms.agent(o.agentId)], 'offer.ended', { offerId: o.id, ticketId: ended.ticketId!, reason: 'canceled' });
  const call = (await findCall(ctx.sql, callId))!;
  if (call.callbackRequested && !call.callbackId && call.queueId && ownNumber) await requestCallbackFromCall(ctx, callId, call.queueId, ownNumber);
  if (call.callbackId && call.direction === 'outbound') await settleCallbackAttempt(ctx, call.callbackId, call.callSid, ended.connected ? 'completed' : status);
  if (call.origin === 'click_to_dial' && !ended.connected) await ctx.sql`update calls set error = ${`The customer's line: ${status}.`} where id = ${callId}`;
  // A leg still waiting for its dial job is never placed (the job finds it ended).
  await ctx.sql`update call_legs set status = 'canceled', ended_at = now() where call_id = ${callId} and call_sid is null and ended_at is null`;
  for (const leg of await liveLegs(ctx.sql, callId)) {
    if (!leg.callSid) continue;
    await ctx.voice.client.calls(leg.callSid).update({ status: leg.answeredAt ? 'completed' : 'canceled' }).catch((err) => ctx.log.info({ err: err.message, leg: leg.id }, 'agent leg already gone'));
  }
  await publishCallChanged(ctx, callId);
  await kickRouting(ctx);
}

/**
 * A status callback for an agent's leg. An agent who never picked up gives the contact back: a queued caller, still
 * on hold audio, goes to the next agent, and the agent is set away. An agent who hangs up ends the conversation for
 * the customer unless another agent has the call (a transfer).
 */
export async function applyLegStatus(ctx: AppContext, p: { legId: string; callSid: string | null; status: string }, dialError?: string) {
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
    const others = (await liveLegs(ctx.sql, call.id)).filter((l) => l.id !== leg.id);
    if (!leg.answeredAt) await agentMissedCall(ctx, call.id, leg.agentId, p.status, dialError);
    else if (others.length === 0 && call.customerInConference && call.callSid) {
      await ctx.voice.client.calls(call.callSid).update({ url: voiceUrl(ctx.config.PUBLIC_URL, 'goodbye', { callId: call.id }), method: 'POST' });
    }
  }
  await publishCallChanged(ctx, call.id);
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

/** An agent's leg ended unanswered: a Twilio-reported miss (the agent is set away), or a leg never placed (`dialError`). */
async function agentMissedCall(ctx: AppContext, callId: string, agentId: string, status: string, dialError?: string) {
  const call = (await findCall(ctx.sql, callId))!;
  await ctx.sql.begin(async (tx) => {
    await tx`update calls set agent_id = null, updated_at = now() where id = ${callId}`;
    if (call.direction === 'outbound' && !call.connectedAt) {
      // The agent's own callback or dial-out: nothing reached the customer.
      const error = dialError ? `Could not ring the agent: ${dialError}` : `The agent's phone: ${status}.`;
      await tx`update calls set ended_at = now(), status = 'canceled', error = ${error} where id = ${callId}`;
      if (call.callbackId) await tx`update callbacks set status = 'pending', updated_at = now() where id = ${call.callbackId} and status = 'dialing'`;
    }
    if (call.ticketId && (call.direction === 'inbound' || call.callbackId)) {
      await tx`update tickets set routable_after = null where id = ${call.ticketId}`;
      if (call.queueId || call.direction === 'outbound') {
        const [{ queueId }] = await tx<{ queueId: string | null }[]>`select coalesce(${call.queueId}::uuid, queue_id) as queue_id from tickets where id = ${call.ticketId}`;
        await enqueueTicket(tx, call.ticketId, queueId);
      }
    }
    if (dialError) {
      await writeAudit(tx, { actorUserId: null, action: 'call.agent_dial_failed', entityType: 'ticket', entityId: call.ticketId ?? callId, data: { agentId, callId, error: dialError } });
    } else {
      await writeAudit(tx, { actorUserId: null, action: 'call.agent_missed', entityType: 'ticket', entityId: call.ticketId ?? callId, data: { agentId, status, callId } });
    }
  });
  if (!dialError) await setPresence(ctx, agentId, 'away', 'missed-offer');
  await kickRouting(ctx);
}
