import { isWithheldCallerId } from '../../channels/voice/withheldCallerId';
import type { AppContext } from '../context';
import { writeAudit } from '../commands/writeAudit';
import { intakeContact } from '../intake/intakeContact';
import { cancelPendingOffers } from '../routing/enqueueTicket';
import { kickRouting } from '../routing/routingTasks';
import { rooms } from '../realtime/rooms';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { isOpen } from './businessHours';
import { publishCallChanged } from './callEvents';
import { dropUnplacedLegs, findCall, liveLegs } from './callQueries';
import { twimlFor } from './callTwiml';
import { endTwilioCall } from './endTwilioCall';
import { loadIvr, type IvrSettings } from './ivrSettings';
import { estimatedWaitSeconds, queuePosition } from './queuePosition';

/**
 * The caller chose a queue: the call becomes a contact (a voice ticket waiting in that queue, through the same intake
 * as every channel, so routing offers it and the screen pop shows the caller) and Twilio holds the line with <Enqueue>.
 * A queue closed by its own business hours takes a message instead.
 */
export async function enterQueue(ctx: AppContext, ivr: IvrSettings, callId: string, queueId: string): Promise<string> {
  const twiml = twimlFor(ctx, ivr);
  const [queue] = await ctx.sql<
    { name: string; businessHoursId: string | null }[]
  >`select name, business_hours_id from queues where id = ${queueId}`;
  if (!queue) return twiml.voicemail(callId, null, 'Sorry, that line is not available.');
  if (!(await isOpen(ctx.sql, queue.businessHoursId))) {
    await ctx.sql`update calls set voicemail = true, queue_id = ${queueId} where id = ${callId}`;
    return twiml.closed(callId, queueId);
  }
  const call = (await findCall(ctx.sql, callId))!;
  if (!call.ticketId) await openCallTicket(ctx, callId, queueId, queue.name);
  return twiml.enqueue(callId, queueId);
}

/**
 * Stores the call as a contact (idempotent on the CallSid) and ties the call to its ticket and queue. A caller who
 * withheld their number is taken like any other: intake files them under a customer of their own.
 */
export async function openCallTicket(ctx: AppContext, callId: string, queueId: string, queueName: string) {
  const call = (await findCall(ctx.sql, callId))!;
  const [{ ivrPath }] = await ctx.sql<{ ivrPath: string[] }[]>`select ivr_path from calls where id = ${callId}`;
  const stored = await intakeContact(ctx, {
    channel: 'voice',
    from: { kind: 'phone', value: call.fromNumber },
    to: call.toNumber,
    providerId: call.callSid!,
    subject: isWithheldCallerId(call.fromNumber) ? 'Call from a withheld number' : `Call from ${call.fromNumber}`,
    text: `Phone call to ${queueName}${ivrPath.length ? ` (menu: ${ivrPath.join(' › ')})` : ''}`,
    metadata: { callSid: call.callSid, ivrPath },
    queueId,
  });
  await ctx.sql`
    update calls set ticket_id = ${stored.ticketId}, customer_id = ${stored.customerId}, queue_id = ${queueId},
      enqueued_at = coalesce(enqueued_at, now()), updated_at = now()
    where id = ${callId}`;
  await publishCallChanged(ctx, callId);
  return stored;
}

/** The wait URL, fetched again and again while the caller is queued: their place in line and the expected wait. */
export async function answerWait(ctx: AppContext, callId: string): Promise<string> {
  const ivr = await loadIvr(ctx.sql);
  const call = await findCall(ctx.sql, callId);
  if (!call?.ticketId || !call.queueId) return twimlFor(ctx, ivr).wait(callId, null);
  const position = await queuePosition(ctx.sql, call.ticketId);
  if (position === null) return twimlFor(ctx, ivr).wait(callId, 'An agent will be with you in a moment.');
  const eta = await estimatedWaitSeconds(ctx.sql, call.queueId, position);
  const minutes = eta === null ? null : Math.max(1, Math.round(eta / 60));
  const where = position === 1 ? 'You are next in line.' : `You are number ${position} in line.`;
  const wait = minutes === null ? '' : ` The expected wait is about ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  return twimlFor(ctx, ivr).wait(callId, where + wait);
}

/**
 * A key pressed while waiting. The callback key takes the caller out of the line: their ticket is held back from
 * routing (a pending offer withdrawn) until they confirm the number, and keeps its place.
 *
 * The caller's choice wins over an agent still being rung for them: the caller cannot know an agent is on the way,
 * and asked not to wait — so that agent's phone stops ringing (they are not blamed: they missed nothing) and the
 * ticket leaves them, to be offered again as a callback once the number is confirmed. Once an agent has picked up,
 * the caller is being put through this very moment, which is what they were waiting for: the key is ignored.
 */
export async function answerWaitChoice(ctx: AppContext, callId: string, digits: string | null): Promise<string> {
  const ivr = await loadIvr(ctx.sql);
  const twiml = twimlFor(ctx, ivr);
  if (digits !== ivr.callbackKey) return twiml.empty();
  const call = await findCall(ctx.sql, callId);
  if (!call?.ticketId) return twiml.empty();
  const ticketId = call.ticketId;
  // With the call locked, as an agent picking up is (answerLeg): either the agent is on the line, or they are stopped.
  const chosen = await ctx.sql.begin(async (tx) => {
    const locked = (await findCall(tx, callId, true))!;
    if (locked.endedAt || locked.customerInConference) return null;
    const legs = await liveLegs(tx, callId);
    if (legs.some((l) => l.answeredAt)) return null;
    await tx`update calls set callback_requested = true, agent_id = null, updated_at = now() where id = ${callId}`;
    await dropUnplacedLegs(tx, callId);
    // Offers before the ticket, the order accepting an offer locks them in.
    const withdrawn = await cancelPendingOffers(tx, ticketId);
    const [held] = await tx<
      { assigneeId: string | null }[]
    >`select assignee_id from tickets where id = ${ticketId} for update`;
    await tx`update tickets set assignee_id = null, routable_after = 'infinity', updated_at = now() where id = ${ticketId}`;
    if (held?.assigneeId) {
      await writeAudit(tx, {
        actorUserId: null,
        actorKind: 'customer',
        action: 'ticket.transferred',
        entityType: 'ticket',
        entityId: ticketId,
        data: { toQueueId: locked.queueId, fromAgentId: held.assigneeId, reason: 'callback-requested' },
      });
    }
    return { withdrawn, ringing: legs.filter((l) => l.callSid), releasedFrom: held?.assigneeId ?? null };
  });
  if (!chosen) return twiml.empty();
  for (const o of chosen.withdrawn)
    ctx.publisher.emit([rooms.agent(o.agentId)], 'offer.ended', { offerId: o.id, ticketId, reason: 'canceled' });
  for (const leg of chosen.ringing) {
    await endTwilioCall(ctx, leg.callSid!).catch((err) =>
      ctx.log.info({ err: err.message, leg: leg.id }, 'agent leg already gone'),
    );
  }
  if (chosen.releasedFrom) {
    ctx.publisher.emit([rooms.agent(chosen.releasedFrom)], 'ticket.changed', { ticketId });
    await publishTicketChanged(ctx, ticketId);
  }
  await publishCallChanged(ctx, callId);
  return twiml.leaveQueue();
}

/**
 * The caller left the queue. Left for a callback: ask for the number. Hung up: the status callback settles abandonment.
 * Redirected: we connected them to an agent, nothing to add. A queue error: take a message rather than drop the caller.
 */
export async function answerQueueResult(
  ctx: AppContext,
  callId: string,
  result: string,
  queueSeconds: number | null,
): Promise<string> {
  const ivr = await loadIvr(ctx.sql);
  const twiml = twimlFor(ctx, ivr);
  const call = await findCall(ctx.sql, callId);
  if (!call) return twiml.empty();
  if (queueSeconds !== null)
    await ctx.sql`update calls set wait_seconds = coalesce(wait_seconds, ${queueSeconds}) where id = ${callId}`;
  if (result === 'leave' && call.callbackRequested)
    return twiml.callbackNumber(callId, call.queueId!, call.fromNumber, 0);
  if (['hangup', 'redirected', 'bridged', 'redirected-from-bridged', 'bridging-in-process'].includes(result))
    return twiml.empty();
  await ctx.sql`update calls set voicemail = true where id = ${callId}`;
  await kickRouting(ctx);
  return twiml.voicemail(callId, call.queueId, 'Sorry, we cannot hold your call right now.');
}
