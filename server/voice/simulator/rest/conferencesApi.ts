import twilio from 'twilio';
import type { SimContext } from '../context';
import { isEndpointAddress } from '../calls/endpointDirectory';
import type { StatusEvent } from '../calls/simCall';
import {
  endConference,
  leaveConference,
  setParticipantCoaching,
  setParticipantHold,
  setParticipantMuted,
} from '../conferences/conferenceControl';
import type { SimConference } from '../conferences/simConference';
import { runOutboundCall } from '../engine/outboundCall';
import { newSid } from '../sids';
import { presentConference, presentParticipant, presentParticipantOf } from './presenters';
import { Form, json, noContent, notFound, page, twilioError, type TwilioHttpResponse } from './restResponses';

export function listConferences(ctx: SimContext, query: Form, path: string) {
  const name = query.one('FriendlyName');
  const status = query.one('Status');
  const conferences = ctx.conferences
    .list()
    .filter((c) => (!name || c.friendlyName === name) && (!status || c.status === status))
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((c) => presentConference(ctx, c));
  return json(200, page('conferences', path, conferences, query.int('PageSize') || 50));
}

export function fetchConference(ctx: SimContext, sid: string, path: string) {
  const conference = ctx.conferences.get(sid);
  return conference ? json(200, presentConference(ctx, conference)) : notFound(path);
}

/** POST /Conferences/{Sid}.json: Status=completed ends it (every participant goes on with its TwiML). */
export function updateConference(ctx: SimContext, sid: string, form: Form, path: string) {
  const conference = ctx.conferences.get(sid);
  if (!conference) return notFound(path);
  const status = form.one('Status');
  if (status !== undefined && status !== 'completed') return twilioError(400, 20001, `Invalid Status: ${status}`);
  if (status === 'completed') endConference(ctx, conference, 'conference-ended-via-api', null);
  return json(200, presentConference(ctx, conference));
}

export function listParticipants(ctx: SimContext, conferenceSid: string, query: Form, path: string) {
  const conference = ctx.conferences.get(conferenceSid);
  if (!conference) return notFound(path);
  const muted = query.bool('Muted');
  const hold = query.bool('Hold');
  const participants = [...conference.participants.values()]
    .filter((p) => (muted === undefined || p.muted === muted) && (hold === undefined || p.hold === hold))
    .map((p) => presentParticipant(ctx, p));
  return json(200, page('participants', path, participants, query.int('PageSize') || 50));
}

export function fetchParticipant(ctx: SimContext, conferenceSid: string, callSid: string, path: string) {
  const participant = ctx.conferences.get(conferenceSid)?.participants.get(callSid);
  return participant ? json(200, presentParticipant(ctx, participant)) : notFound(path);
}

/**
 * The coaching a request asks for: null when it says nothing, `{ coach: null }` to stop, `{ coach: sid }` to coach
 * that participant. Twilio refuses Coaching=true without a CallSidToCoach in the conference.
 */
function coachingOf(
  form: Form,
  conference: SimConference | undefined,
  current: string | null,
): { coach: string | null } | TwilioHttpResponse | null {
  const coaching = form.bool('Coaching');
  const sid = form.one('CallSidToCoach');
  if (coaching === undefined && sid === undefined) return null;
  if (coaching === false) return { coach: null };
  const target = sid ?? current;
  if (!target) return twilioError(400, 21230, 'CallSidToCoach is required when Coaching is true');
  if (conference && !conference.participants.has(target))
    return twilioError(400, 21230, `CallSidToCoach ${target} is not a participant of this conference`);
  return { coach: target };
}

/** POST /Participants/{CallSid}.json: Hold (with HoldUrl/HoldMethod), Muted, EndConferenceOnExit, Coaching. */
export function updateParticipant(
  ctx: SimContext,
  conferenceSid: string,
  callSid: string,
  form: Form,
  path: string,
): TwilioHttpResponse {
  const participant = ctx.conferences.get(conferenceSid)?.participants.get(callSid);
  if (!participant) return notFound(path);
  const holdMethod = form.method('HoldMethod');
  if (holdMethod === null) return twilioError(400, 20001, `Invalid HoldMethod: ${form.one('HoldMethod')}`);
  const holdUrl = form.one('HoldUrl');
  if (holdUrl !== undefined && holdUrl !== '' && !/^https?:\/\//.test(holdUrl))
    return twilioError(400, 20001, `HoldUrl is not a valid URL: ${holdUrl}`);
  const coaching = coachingOf(form, participant.conference, participant.callSidToCoach);
  if (coaching && !('coach' in coaching)) return coaching;
  const endConferenceOnExit = form.bool('EndConferenceOnExit');
  if (endConferenceOnExit !== undefined) participant.options.endConferenceOnExit = endConferenceOnExit;
  if (coaching) setParticipantCoaching(ctx, participant, coaching.coach);
  const muted = form.bool('Muted');
  if (muted !== undefined) setParticipantMuted(ctx, participant, muted);
  const hold = form.bool('Hold');
  if (hold !== undefined) setParticipantHold(ctx, participant, hold, holdUrl, holdMethod ?? undefined);
  return json(200, presentParticipant(ctx, participant));
}

/** DELETE /Participants/{CallSid}.json: kicks the participant; its call goes on with the TwiML after its Dial. */
export function removeParticipant(ctx: SimContext, conferenceSid: string, callSid: string, path: string) {
  const participant = ctx.conferences.get(conferenceSid)?.participants.get(callSid);
  if (!participant) return notFound(path);
  leaveConference(ctx, participant, 'removed');
  return noContent();
}

/**
 * POST /Conferences/{Sid or FriendlyName}/Participants.json: calls `To` and, once answered, puts the call in the
 * conference (as `<Dial><Conference>` with the given options would).
 */
export function createParticipant(ctx: SimContext, conferenceId: string, form: Form, path: string): TwilioHttpResponse {
  const existing: SimConference | undefined =
    ctx.conferences.get(conferenceId) ?? ctx.conferences.activeByName(conferenceId);
  if (!existing && /^CF[0-9a-f]{32}$/.test(conferenceId)) return notFound(path);
  const name = existing?.friendlyName ?? conferenceId;
  const to = form.one('To');
  const from = form.one('From');
  if (!to || !isEndpointAddress(to)) return twilioError(400, 21211, `Invalid 'To' Phone Number: ${to ?? ''}`);
  if (!from || !isEndpointAddress(from)) return twilioError(400, 21212, `Invalid 'From' Phone Number: ${from ?? ''}`);
  const coaching = coachingOf(form, existing, null);
  if (coaching && !('coach' in coaching)) return coaching;
  const statusEvents = form.many('StatusCallbackEvent') as StatusEvent[];
  const statusCallback = form.one('StatusCallback')
    ? {
        url: form.one('StatusCallback')!,
        method: form.method('StatusCallbackMethod') ?? 'POST',
        events: new Set<StatusEvent>(statusEvents.length ? statusEvents : ['completed']),
      }
    : null;
  const call = ctx.calls.create({
    sid: newSid('CA'),
    from,
    to,
    direction: 'outbound-api',
    status: 'queued',
    statusCallback,
  });
  call.answerInstruction = { kind: 'twiml', xml: conferenceTwiml(name, form, coaching?.coach ?? null) };
  const conference = ctx.conferences.getOrCreate(name);
  void runOutboundCall(ctx, call, form.int('Timeout') || 60, null);
  return json(
    201,
    presentParticipantOf(ctx, conference.sid, call.sid, {
      label: form.one('Label') ?? null,
      muted: form.bool('Muted') ?? false,
      hold: false,
      start_conference_on_enter: form.bool('StartConferenceOnEnter') ?? true,
      end_conference_on_exit: form.bool('EndConferenceOnExit') ?? false,
      coaching: Boolean(coaching?.coach),
      call_sid_to_coach: coaching?.coach ?? null,
      status: 'queued',
    }),
  );
}

function conferenceTwiml(name: string, form: Form, coach: string | null) {
  const attributes: Record<string, string> = {};
  const copy = (field: string, attribute: string) => {
    const value = form.many(field).join(' ') || undefined;
    if (value !== undefined) attributes[attribute] = value;
  };
  copy('Muted', 'muted');
  copy('Beep', 'beep');
  copy('StartConferenceOnEnter', 'startConferenceOnEnter');
  copy('EndConferenceOnExit', 'endConferenceOnExit');
  copy('WaitUrl', 'waitUrl');
  copy('WaitMethod', 'waitMethod');
  copy('ConferenceRecord', 'record');
  copy('ConferenceStatusCallback', 'statusCallback');
  copy('ConferenceStatusCallbackMethod', 'statusCallbackMethod');
  copy('ConferenceStatusCallbackEvent', 'statusCallbackEvent');
  copy('ConferenceRecordingStatusCallback', 'recordingStatusCallback');
  copy('ConferenceRecordingStatusCallbackMethod', 'recordingStatusCallbackMethod');
  copy('ConferenceRecordingStatusCallbackEvent', 'recordingStatusCallbackEvent');
  copy('Label', 'participantLabel');
  // TwiML's own attribute for a coach: the call it whispers to.
  if (coach) attributes.coach = coach;
  const response = new twilio.twiml.VoiceResponse();
  response.dial().conference(attributes as never, name);
  return response.toString();
}
