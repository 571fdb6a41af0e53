import type { AppContext } from '../context';
import { HttpError } from '../http/httpError';
import { publishCallChanged } from './callEvents';
import { findCall } from './callQueries';
import { conferenceName, voiceUrl } from './voiceUrls';

/** The call's conference while it runs, as Twilio names it (participants are changed through its SID). */
async function liveConferenceSid(ctx: AppContext, callId: string): Promise<string> {
  const [conference] = await ctx.voice.client.conferences.list({
    friendlyName: conferenceName(callId),
    status: 'in-progress',
    limit: 1,
  });
  if (!conference)
    throw new HttpError(409, 'call_not_connected', 'The call is not connected: there is nobody to hold or mute.');
  return conference.sid;
}

/** Holds the customer (they hear the hold audio, the agent is free to talk to others) or takes them off hold. */
export async function setCustomerHold(ctx: AppContext, callId: string, hold: boolean) {
  const call = await findCall(ctx.sql, callId);
  if (!call?.callSid || !call.customerInConference || call.endedAt)
    throw new HttpError(409, 'call_not_connected', 'The call is not connected: there is nobody to hold.');
  const conferenceSid = await liveConferenceSid(ctx, callId);
  await ctx.voice.client
    .conferences(conferenceSid)
    .participants(call.callSid)
    .update({
      hold,
      ...(hold ? { holdUrl: voiceUrl(ctx.config.PUBLIC_URL, 'holdMusic'), holdMethod: 'POST' } : {}),
    });
  await ctx.sql`update calls set customer_on_hold = ${hold}, updated_at = now() where id = ${callId}`;
  await publishCallChanged(ctx, callId);
}

/** Mutes an agent's microphone in the conference, whether they talk in the browser or on their phone. */
export async function setAgentMuted(ctx: AppContext, callId: string, agentId: string, muted: boolean) {
  const [leg] = await ctx.sql<{ id: string; callSid: string | null }[]>`
    select id, call_sid from call_legs where call_id = ${callId} and agent_id = ${agentId} and ended_at is null and answered_at is not null
    order by created_at desc limit 1`;
  if (!leg?.callSid) throw new HttpError(409, 'call_not_connected', 'You are not talking on this call.');
  const conferenceSid = await liveConferenceSid(ctx, callId);
  await ctx.voice.client.conferences(conferenceSid).participants(leg.callSid).update({ muted });
  await ctx.sql`update call_legs set muted = ${muted} where id = ${leg.id}`;
  await publishCallChanged(ctx, callId);
}
