import type { AppContext } from '../context';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import { publishCallChanged } from './callEvents';
import { findCall, findLeg, findLiveCallOfTicket } from './callQueries';
import { twimlFor } from './callTwiml';
import { setCustomerHold } from './conferenceControl';
import { endTwilioCall } from './endTwilioCall';
import { redirectCall } from './redirectCall';
import { loadIvr } from './ivrSettings';
import { enqueueBridgeCustomer, enqueueDialAgentLeg } from './voiceJobs';
import { agentAddress, voiceUrl } from './voiceUrls';
import { slaOnPublicResponse } from '../sla/slaHooks';

// Twilio's ring time for a leg before it reports no-answer.
const AGENT_RING_SECONDS = 20;
const CUSTOMER_RING_SECONDS = 30;
const STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

/**
 * An agent took a voice ticket (accepted its offer, or had it transferred to them): ring them. A live call is joined;
 * a waiting callback is dialled (agent first, then the customer). The caller stays in the queue, on hold audio, until
 * the agent picks up — so an agent who does not answer costs the caller nothing.
 *
 * A caller who chose a callback is leaving (confirming their number, or hearing goodbye): their call is not joined,
 * the callback is what the agent dials.
 */
export async function connectAgentToTicket(ctx: AppContext, ticketId: string, agentId: string) {
  const live = await findLiveCallOfTicket(ctx.sql, ticketId);
  const callerLeaving = live?.direction === 'inbound' && live.callbackRequested && !live.connectedAt;
  if (live && !callerLeaving && (live.direction === 'inbound' || live.connectedAt))
    return ringAgent(ctx, live.id, agentId);
  const [callback] = await ctx.sql<{ id: string; phoneNumber: string; customerId: string | null }[]>`
    select id, phone_number, customer_id from callbacks where ticket_id = ${ticketId} and status in ('pending', 'offered') order by due_at limit 1`;
  if (callback)
    return startOutboundCall(ctx, {
      ticketId,
      agentId,
      customerId: callback.customerId,
      to: callback.phoneNumber,
      origin: 'callback',
      callbackId: callback.id,
    });
  return null;
}

/** A call we place to a customer (callback, click-to-dial): a row first, then the agent's leg; the customer is dialled once the agent answers. */
export async function startOutboundCall(
  ctx: AppContext,
  o: {
    ticketId: string;
    agentId: string;
    customerId: string | null;
    to: string;
    origin: 'callback' | 'click_to_dial';
    callbackId?: string;
  },
) {
  const callId = await ctx.sql.begin(async (tx) => {
    const [call] = await tx<{ id: string }[]>`
      insert into calls (direction, origin, from_number, to_number, status, ticket_id, customer_id, agent_id, callback_id)
      values ('outbound', ${o.origin}, ${ctx.voice.companyNumber}, ${o.to}, 'queued', ${o.ticketId}, ${o.customerId}, ${o.agentId}, ${o.callbackId ?? null})
      returning id`;
    if (o.callbackId) await tx`update callbacks set status = 'dialing', updated_at = now() where id = ${o.callbackId}`;
    await writeAudit(tx, {
      actorUserId: o.agentId,
      action: 'call.placed',
      entityType: 'ticket',
      entityId: o.ticketId,
      data: { to: o.to, origin: o.origin, callId: call.id },
    });
    return call.id;
  });
  return ringAgent(ctx, callId, o.agentId);
}

/** Adds the agent's leg to a call and asks a worker to dial it. */
export async function ringAgent(ctx: AppContext, callId: string, agentId: string) {
  const [agent] = await ctx.sql<
    { id: string; phoneNumber: string | null }[]
  >`select id, phone_number from users where id = ${agentId}`;
  const [leg] = await ctx.sql<{ id: string }[]>`
    insert into call_legs (call_id, agent_id, to_address) values (${callId}, ${agentId}, ${agentAddress(agent)}) returning id`;
  await ctx.sql`update calls set agent_id = ${agentId}, updated_at = now() where id = ${callId}`;
  await enqueueDialAgentLeg(ctx, leg.id);
  await publishCallChanged(ctx, callId);
  return { callId, legId: leg.id };
}

/** Worker: Twilio rings the agent; their answer fetches the leg URL, which joins them to the call's conference. */
export async function dialAgentLeg(ctx: AppContext, legId: string) {
  const leg = await findLeg(ctx.sql, legId);
  if (!leg || leg.callSid || leg.endedAt) return;
  const [{ toAddress }] = await ctx.sql<{ toAddress: string }[]>`select to_address from call_legs where id = ${legId}`;
  const created = await ctx.voice.client.calls.create({
    to: toAddress,
    from: ctx.voice.companyNumber,
    url: voiceUrl(ctx.config.PUBLIC_URL, 'leg', { legId }),
    method: 'POST',
    statusCallback: voiceUrl(ctx.config.PUBLIC_URL, 'legStatus', { legId }),
    statusCallbackEvent: STATUS_EVENTS,
    statusCallbackMethod: 'POST',
    timeout: AGENT_RING_SECONDS,
  });
  const [placed] = await ctx.sql<
    { endedAt: Date | null }[]
  >`update call_legs set call_sid = coalesce(call_sid, ${created.sid}) where id = ${legId} returning ended_at`;
  // The caller hung up while this leg was being placed: stop the agent's phone ringing for nobody.
  if (placed?.endedAt) await endTwilioCall(ctx, created.sid).catch(() => undefined);
}

/**
 * Whether an agent is on the line: an agent's leg answered and not ended. Only then may the customer be brought into
 * the call's conference — otherwise they would sit there alone (the agent hung up while they were on their way).
 */
export async function agentOnTheLine(sql: Sql | TransactionSql, callId: string): Promise<boolean> {
  const [leg] =
    await sql`select 1 from call_legs where call_id = ${callId} and answered_at is not null and ended_at is null limit 1`;
  return Boolean(leg);
}

/**
 * The agent picked up: they join the conference, and a worker brings the customer in. The answer is taken with the
 * call locked, so a caller choosing a callback at this moment (answerWaitChoice) either sees the agent on the line,
 * or has left before: then the agent is told so, and their leg hangs up.
 */
export async function answerLeg(ctx: AppContext, legId: string): Promise<string> {
  const ivr = await loadIvr(ctx.sql);
  const twiml = twimlFor(ctx, ivr);
  const leg = await findLeg(ctx.sql, legId);
  if (!leg) return twiml.goodbye('This call is no longer available.');
  const call = await ctx.sql.begin(async (tx) => {
    const locked = await findCall(tx, leg.callId, true);
    await tx`
      update call_legs set answered_at = coalesce(answered_at, now()),
        status = case when call_status_rank(status) < 3 then 'in-progress' else status end
      where id = ${legId}`;
    return locked;
  });
  if (!call) return twiml.goodbye('This call is no longer available.');
  await publishCallChanged(ctx, call.id);
  if (call.endedAt) return twiml.goodbye('The caller has hung up.');
  if (call.direction === 'inbound' && call.callbackRequested && !call.customerInConference) {
    return twiml.goodbye('The caller chose to be called back instead.');
  }
  await enqueueBridgeCustomer(ctx, call.id, legId);
  const [customer] = call.customerId
    ? await ctx.sql<{ name: string | null }[]>`select name from customers where id = ${call.customerId}`
    : [];
  const before =
    call.direction === 'outbound' && !call.connectedAt ? `Calling ${customer?.name ?? call.toNumber}.` : undefined;
  return twiml.agentJoins(call.id, before);
}

/**
 * Worker: brings the customer into the conference once an agent is in it — a queued caller is redirected out of the
 * queue (first, or again after a transfer to a queue); for a call we place, the customer is dialled now (a callback
 * counts this as an attempt). A customer already in the conference (a transfer to an agent) is taken off hold.
 */
export async function bridgeCustomer(ctx: AppContext, callId: string) {
  const call = await findCall(ctx.sql, callId);
  if (!call || call.endedAt) return;
  // The agent hung up before this ran: their leg's status callback settles the call (applyLegStatus); a customer
  // redirected anyway is turned back at the conference's door (answerJoin).
  if (!(await agentOnTheLine(ctx.sql, callId))) return;
  if (call.customerInConference) {
    await setCustomerHold(ctx, callId, false);
    return;
  }
  const join = voiceUrl(ctx.config.PUBLIC_URL, 'join', { callId });
  if (call.direction === 'inbound') {
    // A caller who hung up meanwhile is settled by their own status callback.
    await redirectCall(ctx, call.callSid!, join);
    return;
  }
  if (call.callSid) return;
  // Decided with the call locked, as the agent leaving is (applyLegStatus): the customer is dialled only while the
  // call is on and the agent still there.
  const dial = await ctx.sql.begin(async (tx) => {
    const locked = await findCall(tx, callId, true);
    if (!locked || locked.endedAt || locked.callSid || !(await agentOnTheLine(tx, callId))) return false;
    if (call.callbackId) {
      // One attempt per call placed, however often this job runs: a retry finds the attempt it opened still unsettled.
      const [cb] = await tx<{ attempts: number }[]>`
        update callbacks c set attempts = attempts + 1, updated_at = now()
        where id = ${call.callbackId}
          and not exists (select 1 from callback_attempts a where a.callback_id = c.id and a.attempt = c.attempts and a.outcome is null)
        returning attempts`;
      if (cb)
        await tx`insert into callback_attempts (callback_id, attempt, agent_id) values (${call.callbackId}, ${cb.attempts}, ${call.agentId}) on conflict do nothing`;
    }
    return true;
  });
  if (!dial) return;
  const created = await ctx.voice.client.calls.create({
    to: call.toNumber,
    from: ctx.voice.companyNumber,
    url: join,
    method: 'POST',
    statusCallback: voiceUrl(ctx.config.PUBLIC_URL, 'status', { callId }),
    statusCallbackEvent: STATUS_EVENTS,
    statusCallbackMethod: 'POST',
    timeout: CUSTOMER_RING_SECONDS,
  });
  const [placed] = await ctx.sql<{ endedAt: Date | null }[]>`
    update calls set call_sid = coalesce(call_sid, ${created.sid}), updated_at = now() where id = ${callId} returning ended_at`;
  if (call.callbackId) {
    await ctx.sql`
      update callback_attempts set call_sid = ${created.sid}
      where callback_id = ${call.callbackId} and attempt = (select attempts from callbacks where id = ${call.callbackId})`;
  }
  // The agent hung up while the customer was being dialled (the call ended then, with nothing to cancel yet): stop
  // the customer's phone ringing for nobody.
  if (placed?.endedAt)
    await endTwilioCall(ctx, created.sid).catch((err) =>
      ctx.log.info({ err: err.message, callId }, 'customer call already gone'),
    );
  await publishCallChanged(ctx, callId);
}

/**
 * The customer's side joins the conference: the conversation starts now (wait and answer times are taken here).
 * Only with an agent on the line — decided with the call locked, as the agent leaving is (applyLegStatus), so either
 * the customer joins and the agent leaving then says goodbye to them, or the agent left first and the customer is
 * turned back here: a caller returns to the queue (their ticket is offered again), a customer we called is told
 * sorry and the call ends (a callback is tried again later).
 */
export async function answerJoin(ctx: AppContext, callId: string): Promise<string> {
  const twiml = twimlFor(ctx, await loadIvr(ctx.sql));
  const { call, joined } = await ctx.sql.begin(async (tx) => {
    const locked = await findCall(tx, callId, true);
    if (!locked || locked.endedAt) return { call: locked, joined: false };
    if (!locked.customerInConference && !(await agentOnTheLine(tx, callId))) return { call: locked, joined: false };
    await tx`
      update calls set connected_at = coalesce(connected_at, now()), answered_at = coalesce(answered_at, now()), customer_in_conference = true,
        wait_seconds = coalesce(wait_seconds, extract(epoch from now() - enqueued_at)::int),
        status = case when call_status_rank(status) < 3 then 'in-progress' else status end, updated_at = now()
      where id = ${callId}`;
    // The customer and an agent are talking: a public response for the ticket's SLA.
    if (locked.ticketId) await slaOnPublicResponse(ctx, tx, locked.ticketId);
    return { call: locked, joined: true };
  });
  if (joined) {
    await publishCallChanged(ctx, callId);
    return twiml.customerJoins(callId);
  }
  if (call?.direction === 'inbound' && !call.endedAt && call.queueId) {
    return twiml.enqueue(
      callId,
      call.queueId,
      'Sorry, the agent is no longer available. Please hold while we find someone else to help you.',
    );
  }
  return twiml.goodbye(
    call?.callbackId
      ? 'Sorry, we could not put you through to an agent just now. We will call you again. Goodbye.'
      : 'Sorry, we could not put you through to an agent just now. Goodbye.',
  );
}
