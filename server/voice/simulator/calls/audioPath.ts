import type { SimContext } from '../context';
import type { SimCall } from './simCall';

/** The legs that hear this one now: its bridge partner, or the conference participants not on hold. */
export function hearers(call: SimCall): SimCall[] {
  if (call.bridge) return [call.bridge.other(call)];
  const participant = call.participant;
  if (!participant || !participant.inAudio || participant.muted) return [];
  return [...participant.conference.participants.values()]
    .filter((p) => p !== participant && p.inAudio)
    .filter((p) => participant.callSidToCoach === null || p.call.sid === participant.callSidToCoach)
    .map((p) => p.call);
}

/** Recordings that capture what this leg says now. */
function recordingsHearing(call: SimCall): string[] {
  const sids = [...call.activeRecordings];
  const participant = call.participant;
  // A coach whispers to one participant: Twilio leaves the whisper out of the conference recording.
  if (participant?.inAudio && !participant.muted && !participant.coaching && participant.conference.recordingSid)
    sids.push(participant.conference.recordingSid);
  return sids;
}

/** What the party says or keys outside a Gather or Record reaches whoever hears it, and the running recordings. */
export function transmit(ctx: SimContext, call: SimCall, text: string) {
  for (const other of hearers(call)) other.note('heard', { text, details: { from: call.party, callSid: call.sid } });
  for (const sid of recordingsHearing(call)) ctx.recordings.addLine(sid, `${call.party}: ${text}`);
}
