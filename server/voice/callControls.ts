import type { AppContext } from '../context';
import { writeAudit } from '../commands/writeAudit';
import { HttpError } from '../http/httpError';
import { enqueueTicket } from '../routing/enqueueTicket';
import { kickRouting } from '../routing/routingTasks';
import type { SessionUser } from '../auth/sessions';
import { requireVisibleCall } from '../auth/ticketAccess';
import { publishCallChanged } from './callEvents';
import { liveLegs, type CallRow } from './callQueries';
import { ringAgent } from './connectCall';
import { setCustomerHold } from './conferenceControl';
import { endTwilioCall } from './endTwilioCall';
import { redirectCall } from './redirectCall';
import { voiceUrl } from './voiceUrls';

/**
 * The call, if this user may control it: one they may see (else 404, like any ticket they may not open), and for an
 * agent only their own (else 403); supervisors and admins control any call they may see.
 */
export async function callForControl(ctx: AppContext, callId: string, user: SessionUser): Promise<CallRow> {
  const call = await requireVisibleCall(ctx.sql, user, callId);
  if (user.role === 'agent' && call.agentId !== user.userId)
    throw new HttpError(403, 'forbidden', 'This call is not yours.');
  return call;
}

function requireLive(call: CallRow) {
  if (call.endedAt) throw new HttpError(409, 'call_ended', 'The call has ended.');
}

/**
 * Ends the conversation: the customer hears goodbye (or stops ringing), the agents' legs hang up. A call not known to
 * be answered is canceled, and completed if Twilio says it was answered after all (endTwilioCall).
 */
export async function hangUpCall(ctx: AppContext, call: CallRow) {
  requireLive(call);
  if (call.callSid) {
    // A customer who hung up just now needs no goodbye: their status callback ends the call.
    if (call.connectedAt)
      await redirectCall(ctx, call.callSid, voiceUrl(ctx.config.PUBLIC_URL, 'goodbye', { callId: call.id }));
    else if (call.direction === 'outbound') await endTwilioCall(ctx, call.callSid);
  }
  for (const leg of await liveLegs(ctx.sql, call.id)) {
    if (leg.callSid) await endTwilioCall(ctx, leg.callSid, Boolean(leg.answeredAt)).catch(() => undefined);
  }
}

export async function holdCall(ctx: AppContext, call: CallRow, hold: boolean) {
  requireLive(call);
  await setCustomerHold(ctx, call.id, hold);
}

/** Sends the customer back to wait in a queue (their ticket keeps its age); the agent leaves the call. */
export async function transferCallToQueue(ctx: AppContext, call: CallRow, queueId: string, actorUserId: string | null) {
  requireLive(call);
  if (call.direction !== 'inbound' || !call.callSid || !call.ticketId)
    throw new HttpError(409, 'cannot_transfer', 'Only a customer’s incoming call can be put back in a queue.');
  const [queue] = await ctx.sql`select 1 from queues where id = ${queueId}`;
  if (!queue)
    throw new HttpError(400, 'invalid_input', 'queueId: no such queue', [
      { path: 'queueId', message: 'no such queue' },
    ]);
  const legs = await liveLegs(ctx.sql, call.id);
  await ctx.sql.begin(async (tx) => {
    await tx`update calls set agent_id = null, queue_id = ${queueId}, customer_on_hold = false, customer_in_conference = false, updated_at = now() where id = ${call.id}`;
    await enqueueTicket(tx, call.ticketId!, queueId);
    await writeAudit(tx, {
      actorUserId,
      action: 'call.transferred',
      entityType: 'ticket',
      entityId: call.ticketId!,
      data: { callId: call.id, queueId },
    });
  });
  const requeued = await redirectCall(
    ctx,
    call.callSid,
    voiceUrl(ctx.config.PUBLIC_URL, 'requeue', { callId: call.id }),
  );
  for (const leg of legs)
    if (leg.callSid)
      await ctx.voice.client
        .calls(leg.callSid)
        .update({ status: 'completed' })
        .catch(() => undefined);
  await publishCallChanged(ctx, call.id);
  await kickRouting(ctx);
  if (!requeued) throw new HttpError(409, 'call_ended', 'The caller hung up before the transfer.');
}

/**
 * Hands the call to another agent: the customer waits on hold while the new agent's phone rings, the first agent
 * leaves at once (a cold transfer). If the new agent does not answer, the call goes back to the first agent if they
 * are free, else waits in its queue, else the customer is told sorry and the call ends (applyLegStatus).
 */
export async function transferCallToAgent(ctx: AppContext, call: CallRow, agentId: string, actorUserId: string | null) {
  requireLive(call);
  if (!call.customerInConference)
    throw new HttpError(409, 'call_not_connected', 'Only a connected call can be handed to another agent.');
  const [agent] = await ctx.sql<{ id: string; name: string; presence: string }[]>`
    select id, name, presence from users where id = ${agentId} and active and role in ('agent', 'supervisor', 'admin')`;
  if (!agent)
    throw new HttpError(400, 'invalid_input', 'agentId: no such active user', [
      { path: 'agentId', message: 'no such active user' },
    ]);
  // Nothing would ring: the customer would wait on hold for nobody.
  if (agent.presence === 'offline')
    throw new HttpError(409, 'agent_offline', `${agent.name} is offline and cannot take calls.`);
  const legs = await liveLegs(ctx.sql, call.id);
  await setCustomerHold(ctx, call.id, true);
  if (call.ticketId) {
    await ctx.sql.begin(async (tx) => {
      await tx`update tickets set assignee_id = ${agentId}, updated_at = now() where id = ${call.ticketId}`;
      await writeAudit(tx, {
        actorUserId,
        action: 'call.transferred',
        entityType: 'ticket',
        entityId: call.ticketId!,
        data: { callId: call.id, agentId },
      });
    });
  }
  await ringAgent(ctx, call.id, agentId);
  for (const leg of legs)
    if (leg.callSid)
      await ctx.voice.client
        .calls(leg.callSid)
        .update({ status: 'completed' })
        .catch(() => undefined);
}

/** After-call work done: the disposition and note are kept on the call, and the agent can be offered the next contact. */
export async function wrapUpCall(
  ctx: AppContext,
  callId: string,
  agentId: string,
  input: { disposition: string; note: string },
) {
  const [row] = await ctx.sql<{ ticketId: string | null }[]>`
    update calls set wrap_up = 'done', disposition = ${input.disposition}, wrap_up_note = ${input.note}, wrapped_up_at = now(), updated_at = now()
    where id = ${callId} and agent_id = ${agentId} and ended_at is not null and wrap_up is distinct from 'done'
    returning ticket_id`;
  if (!row)
    throw new HttpError(
      409,
      'no_wrap_up',
      'There is no after-call work for you on this call (it is still going, already wrapped up, or not yours).',
    );
  if (row.ticketId)
    await writeAudit(ctx.sql, {
      actorUserId: agentId,
      action: 'call.wrapped_up',
      entityType: 'ticket',
      entityId: row.ticketId,
      data: { callId, ...input },
    });
  await publishCallChanged(ctx, callId);
  await kickRouting(ctx);
}
