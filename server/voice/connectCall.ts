import type { AppContext } from '../context';
import { writeAudit } from '../commands/writeAudit';
import { publishCallChanged } from './callEvents';
import { findCall, findLeg, findLiveCallOfTicket } from './callQueries';
import { twimlFor } from './callTwiml';
import { setCustomerHold } from './conferenceControl';
import { loadIvr } from './ivrSettings';
import { agentAddress, voiceUrl } from './voiceUrls';

// Twilio's ring time for a leg before it reports no-answer.
const AGENT_RING_SECONDS = 20;
const CUSTOMER_RING_SECONDS = 30;
const STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];
// The caller waits on hold while the agent's leg is placed: a few quick retries ride out a blip in Twilio's API
// (about 3 s in all); past that the call is better offered to another agent than kept waiting for this one.
const DIAL_AGENT_RETRIES = { attempts: 3, backoff: { type: 'exponential', delay: 1000 } };

/**
 * An agent took a voice ticket (accepted its offer, or had it transferred to them): ring them. A live call is joined;
 * a waiting callback is dialled (agent first, then the customer). The caller stays in the queue, on hold audio, until
 * the agent picks up — so an agent who does not answer costs the caller nothing.
 */
export async function connectAgentToTicket(ctx: AppContext, ticketId: string, agentId: string) {
  const live = await findLiveCallOfTicket(ctx.sql, ticketId);
  if (live && (live.direction === 'inbound' || live.connectedAt)) return ringAgent(ctx, live.id, agentId);
  const [callback] = await ctx.sql<{ id: string; phoneNumber: string; customerId: string | null }[]>`
    select id, phone_number, customer_id from callbacks where ticket_id = ${ticketId} and status in ('pending', 'offered') order by due_at limit 1`;
  if (callback) return startOutboundCall(ctx, { ticketId, agentId, customerId: callback.customerId, to: callback.phoneNumber, origin: 'callback', callbackId: callback.id });
  return null;
}

/** A call we place to a customer (callback, click-to-dial): a row first, then the agent's leg; the customer is dialled once the agent answers. */
export async function startOutboundCall(
  ctx: AppContext,
  o: { ticketId: string; agentId: string; customerId: string | null; to: string; origin: 'callback' | 'click_to_dial'; callbackId?: string },
) {
  const callId = await ctx.sql.begin(async (tx) => {
    const [call] = await tx<{ id: string }[]>`
      insert into calls (direction, origin, from_number, to_number, status, ticket_id, customer_id, agent_id, callback_id)
      values ('outbound', ${o.origin}, ${ctx.voice.companyNumber}, ${o.to}, 'queued', ${o.ticketId}, ${o.customerId}, ${o.agentId}, ${o.callbackId ?? null})
      returning id`;
    if (o.callbackId) await tx`update callbacks set status = 'dialing', updated_at = now() where id = ${o.callbackId}`;
    await writeAudit(tx, { actorUserId: o.agentId, action: 'call.placed', entityType: 'ticket', entityId: o.ticketId, data: { to: o.to, origin: o.origin, callId: call.id } });
    return call.id;
  });
  return ringAgent(ctx, callId, o.agentId);
}

/** Adds the agent's leg to a call and asks a worker to dial it. */
export async function ringAgent(ctx: AppContext, callId: string, agentId: string) {
  const [agent] = await ctx.sql<{ id: string; phoneNumber: string | null }[]>`select id, phone_number from users where id = ${agentId}`;
  const [leg] = await ctx.sql<{ id: string }[]>`
    insert into call_legs (call_id, agent_id, to_address) values (${callId}, ${agentId}, ${agentAddress(agent)}) returning id`;
  await ctx.sql`update calls set agent_id = ${agentId}, updated_at = now() where id = ${callId}`;
  await ctx.queues.voice.add('dial-agent-leg', { legId: leg.id }, { jobId: `dial-agent-leg-${leg.id}`, ...DIAL_AGENT_RETRIES });
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
  const [placed] = await ctx.sql<{ endedAt: Date | null }[]>`update call_legs set call_sid = coalesce(call_sid, ${created.sid}) where id = ${legId} returning ended_at`;
  // The caller hung up while this leg was being placed: stop the agent's phone ringing for nobody.
  if (placed?.endedAt) await ctx.voice.client.calls(created.sid).update({ status: 'canceled' }).catch(() => undefined);
}

/** The agent picked up: they join the conference, and a worker brings the customer in. */
export async function answerLeg(ctx: AppContext, legId: string): Promise<string> {
  const ivr = await loadIvr(ctx.sql);
  const twiml = twimlFor(ctx, ivr);
  const leg = await findLeg(ctx.sql, legId);
  const call = leg && (await findCall(ctx.sql, leg.callId));
  if (!leg || !call) return twiml.goodbye('This call is no longer available.');
  await ctx.sql`
    update call_legs set answered_at = coalesce(answered_at, now()),
      status = case when call_status_rank(status) < 3 then 'in-progress' else status end
    where id = ${legId}`;
  await publishCallChanged(ctx, call.id);
  if (call.endedAt) return twiml.goodbye('The caller has hung up.');
  await ctx.queues.voice.add('bridge-customer', { callId: call.id }, { jobId: `bridge-customer-${legId}` });
  const [customer] = call.customerId ? await ctx.sql<{ name: string | null }[]>`select name from customers where id = ${call.customerId}` : [];
  const before = call.direction === 'outbound' && !call.connectedAt ? `Calling ${customer?.name ?? call.toNumber}.` : undefined;
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
  if (call.customerInConference) {
    await setCustomerHold(ctx, callId, false);
    return;
  }
  const join = voiceUrl(ctx.config.PUBLIC_URL, 'join', { callId });
  if (call.direction === 'inbound') {
    await ctx.voice.client.calls(call.callSid!).update({ url: join, method: 'POST' });
    return;
  }
  if (call.callSid) return;
  if (call.callbackId) {
    // One attempt per call placed, however often this job runs: a retry finds the attempt it opened still unsettled.
    await ctx.sql.begin(async (tx) => {
      const [cb] = await tx<{ attempts: number }[]>`
        update callbacks c set attempts = attempts + 1, updated_at = now()
        where id = ${call.callbackId}
          and not exists (select 1 from callback_attempts a where a.callback_id = c.id and a.attempt = c.attempts and a.outcome is null)
        returning attempts`;
      if (cb) await tx`insert into callback_attempts (callback_id, attempt, agent_id) values (${call.callbackId}, ${cb.attempts}, ${call.agentId}) on conflict do nothing`;
    });
  }
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
  await ctx.sql`update calls set call_sid = coalesce(call_sid, ${created.sid}), updated_at = now() where id = ${callId}`;
  if (call.callbackId) {
    await ctx.sql`
      update callback_attempts set call_sid = ${created.sid}
      where callback_id = ${call.callbackId} and attempt = (select attempts from callbacks where id = ${call.callbackId})`;
  }
  await publishCallChanged(ctx, callId);
}

/** The customer's side joins the conference: the conversation starts now (wait and answer times are taken here). */
export async function answerJoin(ctx: AppContext, callId: string): Promise<string> {
  const ivr = await loadIvr(ctx.sql);
  await ctx.sql`
    update calls set connected_at = coalesce(connected_at, now()), answered_at = coalesce(answered_at, now()), customer_in_conference = true,
      wait_seconds = coalesce(wait_seconds, extract(epoch from now() - enqueued_at)::int),
      status = case when call_status_rank(status) < 3 then 'in-progress' else status end, updated_at = now()
    where id = ${callId}`;
  await publishCallChanged(ctx, callId);
  return twimlFor(ctx, ivr).customerJoins(callId);
}
