import type { SimContext } from '../context';
import { twilioDate } from '../webhooks/callParams';
import { postCallback } from '../webhooks/postCallback';
import type { Participant, SimConference } from './simConference';

export type ConferenceEvent =
  | 'conference-start'
  | 'conference-end'
  | 'participant-join'
  | 'participant-leave'
  | 'participant-mute'
  | 'participant-unmute'
  | 'participant-hold'
  | 'participant-unhold';

// The statusCallbackEvent word that subscribes to each event.
const SUBSCRIPTION: Record<ConferenceEvent, string> = {
  'conference-start': 'start',
  'conference-end': 'end',
  'participant-join': 'join',
  'participant-leave': 'leave',
  'participant-mute': 'mute',
  'participant-unmute': 'mute',
  'participant-hold': 'hold',
  'participant-unhold': 'hold',
};

/** Posts a conference event to the conference's statusCallback when it subscribed to it. */
export function conferenceEvent(
  ctx: SimContext,
  conference: SimConference,
  event: ConferenceEvent,
  participant?: Participant,
) {
  const callback = conference.statusCallback;
  if (!callback || !callback.events.has(SUBSCRIPTION[event])) return;
  const params: Record<string, string> = {
    AccountSid: ctx.accountSid,
    ConferenceSid: conference.sid,
    FriendlyName: conference.friendlyName,
    StatusCallbackEvent: event,
    Timestamp: twilioDate(Date.now()),
    SequenceNumber: String(conference.eventSequence++),
  };
  if (participant) {
    Object.assign(params, {
      CallSid: participant.call.sid,
      Muted: String(participant.muted),
      Hold: String(participant.hold),
      Coaching: 'false',
      EndConferenceOnExit: String(participant.options.endConferenceOnExit),
      StartConferenceOnEnter: String(participant.options.startConferenceOnEnter),
    });
    if (participant.options.label) params.ParticipantLabel = participant.options.label;
  }
  if (event === 'conference-end') {
    params.ReasonConferenceEnded = conference.reasonEnded ?? '';
    if (conference.callSidEndingConference) params.CallSidEndingConference = conference.callSidEndingConference;
  }
  void postCallback(ctx, conference, callback.url, callback.method, params);
}
