import type { SimContext } from '../context';
import { callDurationSeconds } from '../calls/statusReporter';
import type { SimCall } from '../calls/simCall';
import type { Participant, SimConference } from '../conferences/simConference';
import type { QueueMember, SimQueue } from '../queues/simQueue';
import type { SimRecording } from '../recordings/recordingStore';
import { twilioDate } from '../webhooks/callParams';

const API = '/2010-04-01';

function date(ms: number | null) {
  return ms === null ? null : twilioDate(ms);
}

/** A Call resource, as `GET /Calls/{Sid}.json` answers. */
export function presentCall(ctx: SimContext, call: SimCall) {
  const uri = `${API}/Accounts/${ctx.accountSid}/Calls/${call.sid}.json`;
  return {
    sid: call.sid,
    account_sid: ctx.accountSid,
    parent_call_sid: call.parentCallSid,
    date_created: date(call.createdAt),
    date_updated: date(call.updatedAt),
    to: call.to,
    to_formatted: call.to,
    from: call.from,
    from_formatted: call.from,
    phone_number_sid: null,
    status: call.status,
    start_time: date(call.answeredAt ?? (call.status === 'queued' ? null : call.createdAt)),
    end_time: date(call.endedAt),
    duration: call.endedAt === null ? null : String(callDurationSeconds(ctx, call)),
    price: null,
    price_unit: 'USD',
    direction: call.direction,
    answered_by: null,
    annotation: null,
    api_version: '2010-04-01',
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: '0',
    trunk_sid: null,
    uri,
    subresource_uris: {
      notifications: uri.replace('.json', '/Notifications.json'),
      recordings: uri.replace('.json', '/Recordings.json'),
      events: uri.replace('.json', '/Events.json'),
    },
  };
}

export function presentConference(ctx: SimContext, conference: SimConference) {
  const uri = `${API}/Accounts/${ctx.accountSid}/Conferences/${conference.sid}.json`;
  return {
    sid: conference.sid,
    account_sid: ctx.accountSid,
    friendly_name: conference.friendlyName,
    status: conference.status,
    region: 'us1',
    date_created: date(conference.createdAt),
    date_updated: date(conference.updatedAt),
    api_version: '2010-04-01',
    reason_conference_ended: conference.reasonEnded,
    call_sid_ending_conference: conference.callSidEndingConference,
    uri,
    subresource_uris: {
      participants: uri.replace('.json', '/Participants.json'),
      recordings: uri.replace('.json', '/Recordings.json'),
    },
  };
}

export function presentParticipant(ctx: SimContext, participant: Participant, status = 'connected') {
  return presentParticipantOf(ctx, participant.conference.sid, participant.call.sid, {
    label: participant.options.label,
    muted: participant.muted,
    hold: participant.hold,
    start_conference_on_enter: participant.options.startConferenceOnEnter,
    end_conference_on_exit: participant.options.endConferenceOnExit,
    coaching: participant.coaching,
    call_sid_to_coach: participant.callSidToCoach,
    date_created: date(participant.joinedAt),
    date_updated: date(participant.updatedAt),
    status,
  });
}

/** A participant as its resource looks (also for one still being called, not yet in the conference). */
export function presentParticipantOf(
  ctx: SimContext,
  conferenceSid: string,
  callSid: string,
  fields: Record<string, unknown>,
) {
  return {
    account_sid: ctx.accountSid,
    call_sid: callSid,
    conference_sid: conferenceSid,
    call_sid_to_coach: null,
    coaching: false,
    queue_time: null,
    uri: `${API}/Accounts/${ctx.accountSid}/Conferences/${conferenceSid}/Participants/${callSid}.json`,
    ...fields,
  };
}

export function presentQueue(ctx: SimContext, queue: SimQueue) {
  const uri = `${API}/Accounts/${ctx.accountSid}/Queues/${queue.sid}.json`;
  return {
    sid: queue.sid,
    account_sid: ctx.accountSid,
    friendly_name: queue.name,
    current_size: queue.members.length,
    max_size: queue.maxSize,
    average_wait_time: queue.averageWaitSeconds(),
    date_created: date(queue.createdAt),
    date_updated: date(queue.updatedAt),
    uri,
    subresource_uris: { members: uri.replace('.json', '/Members.json') },
  };
}

export function presentMember(ctx: SimContext, queue: SimQueue, member: QueueMember) {
  return {
    call_sid: member.call.sid,
    queue_sid: queue.sid,
    date_enqueued: date(member.enqueuedAt),
    position: queue.position(member.call),
    wait_time: queue.waitSeconds(member),
    uri: `${API}/Accounts/${ctx.accountSid}/Queues/${queue.sid}/Members/${member.call.sid}.json`,
  };
}

export function presentRecording(ctx: SimContext, recording: SimRecording) {
  return {
    sid: recording.sid,
    account_sid: ctx.accountSid,
    call_sid: recording.callSid,
    conference_sid: recording.conferenceSid,
    status: recording.status,
    source: recording.source,
    channels: recording.channels,
    duration: recording.status === 'completed' ? String(ctx.recordings.durationSeconds(recording)) : '-1',
    date_created: date(recording.startedAt),
    date_updated: date(recording.endedAt ?? recording.startedAt),
    start_time: date(recording.startedAt),
    api_version: '2010-04-01',
    price: null,
    price_unit: 'USD',
    error_code: null,
    uri: `${API}/Accounts/${ctx.accountSid}/Recordings/${recording.sid}.json`,
    media_url: recording.url,
  };
}
