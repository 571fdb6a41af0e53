import type { SimContext } from '../context';
import type { SimCall } from '../calls/simCall';
import { finishRecording, reportRecordingStarted } from '../recordings/recordingCallbacks';
import type { HttpMethod } from '../types';
import { conferenceEvent } from './conferenceEvents';
import { updateParticipantMusic } from './participantMusic';
import { Participant, type ParticipantOptions, type SimConference } from './simConference';

export type LeaveCause = 'hangup' | 'redirect' | 'removed' | 'conference-ended';

/** The call enters the conference; a participant that starts the conference on entering starts it. */
export function joinConference(
  ctx: SimContext,
  conference: SimConference,
  call: SimCall,
  options: ParticipantOptions,
): Participant {
  const participant = new Participant(call, conference, options);
  conference.participants.set(call.sid, participant);
  call.participant = participant;
  call.note('conference', {
    text: conference.friendlyName,
    details: { conferenceSid: conference.sid, joined: true, muted: participant.muted },
  });
  conferenceEvent(ctx, conference, 'participant-join', participant);
  if (conference.status === 'init' && options.startConferenceOnEnter) startConference(ctx, conference);
  updateParticipantMusic(ctx, participant);
  conference.touch();
  return participant;
}

function startConference(ctx: SimContext, conference: SimConference) {
  conference.status = 'in-progress';
  if (conference.recordingPlan) {
    const recording = ctx.recordings.start({
      callSid: null,
      conferenceSid: conference.sid,
      source: 'DialConference',
      callback: conference.recordingPlan.callback,
    });
    conference.recordingSid = recording.sid;
    reportRecordingStarted(ctx, recording);
  }
  conferenceEvent(ctx, conference, 'conference-start');
  for (const p of conference.participants.values()) updateParticipantMusic(ctx, p);
  conference.touch();
}

/** The participant leaves; the conference ends when it was the last one or it ends the conference on exit. */
export function leaveConference(ctx: SimContext, participant: Participant, cause: LeaveCause) {
  const { conference, call } = participant;
  if (conference.participants.get(call.sid) !== participant) return;
  conference.participants.delete(call.sid);
  if (call.participant === participant) call.participant = null;
  participant.music?.stop.abort();
  participant.music = null;
  participant.left.resolve(cause === 'conference-ended' ? 'conference-ended' : 'removed');
  if (call.isLive)
    call.note('conference', {
      text: conference.friendlyName,
      details: { conferenceSid: conference.sid, left: true, cause },
    });
  conferenceEvent(ctx, conference, 'participant-leave', participant);
  if (cause !== 'conference-ended' && conference.status !== 'completed') {
    const kicked = cause === 'removed';
    if (participant.options.endConferenceOnExit)
      endConference(
        ctx,
        conference,
        kicked ? 'participant-with-end-conference-on-exit-kicked' : 'participant-with-end-conference-on-exit-left',
        call.sid,
      );
    else if (conference.participants.size === 0)
      endConference(ctx, conference, kicked ? 'last-participant-kicked' : 'last-participant-left', call.sid);
  }
  conference.touch();
}

/** Ends the conference: every participant leaves (and goes on with its TwiML), the recording completes. */
export function endConference(ctx: SimContext, conference: SimConference, reason: string, callSid: string | null) {
  if (conference.status === 'completed') return;
  conference.status = 'completed';
  conference.reasonEnded = reason;
  conference.callSidEndingConference = callSid;
  for (const p of [...conference.participants.values()]) leaveConference(ctx, p, 'conference-ended');
  const recording = conference.recordingSid ? ctx.recordings.get(conference.recordingSid) : undefined;
  if (recording) finishRecording(ctx, recording);
  conferenceEvent(ctx, conference, 'conference-end');
  conference.touch();
}

/** Hold: the participant hears the hold music and is cut off from the others; unhold returns it. */
export function setParticipantHold(
  ctx: SimContext,
  participant: Participant,
  hold: boolean,
  holdUrl?: string,
  holdMethod?: HttpMethod,
) {
  if (holdUrl !== undefined) participant.holdUrl = holdUrl;
  if (holdMethod) participant.holdMethod = holdMethod;
  if (participant.hold === hold) return;
  participant.hold = hold;
  participant.updatedAt = Date.now();
  participant.call.note(hold ? 'hold' : 'unhold', { details: { conferenceSid: participant.conference.sid } });
  conferenceEvent(ctx, participant.conference, hold ? 'participant-hold' : 'participant-unhold', participant);
  updateParticipantMusic(ctx, participant);
  participant.conference.touch();
}

/** Coaching on (heard by `callSidToCoach` only) or off (heard by everyone, a barge). */
export function setParticipantCoaching(ctx: SimContext, participant: Participant, callSidToCoach: string | null) {
  if (participant.callSidToCoach === callSidToCoach) return;
  participant.callSidToCoach = callSidToCoach;
  participant.updatedAt = Date.now();
  participant.call.note(callSidToCoach ? 'coach' : 'uncoach', {
    details: { conferenceSid: participant.conference.sid, callSidToCoach },
  });
  participant.conference.touch();
}

/** Mute: the others no longer hear the participant. */
export function setParticipantMuted(ctx: SimContext, participant: Participant, muted: boolean) {
  if (participant.muted === muted) return;
  participant.muted = muted;
  participant.updatedAt = Date.now();
  participant.call.note(muted ? 'mute' : 'unmute', { details: { conferenceSid: participant.conference.sid } });
  conferenceEvent(ctx, participant.conference, muted ? 'participant-mute' : 'participant-unmute', participant);
  participant.conference.touch();
}
