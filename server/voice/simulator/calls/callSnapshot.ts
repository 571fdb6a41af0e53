import type { CallSnapshot } from '../types';
import type { SimCall } from './simCall';
import { callDurationSecondsOf } from './callDuration';

/** The call as its party perceives it, serialisable for the simulator page and for tests. */
export function snapshotOf(call: SimCall, timeScale: number): CallSnapshot {
  const participant = call.participant;
  const conference = participant?.conference;
  return {
    sid: call.sid,
    from: call.from,
    to: call.to,
    direction: call.direction,
    status: call.status,
    parentCallSid: call.parentCallSid,
    createdAt: new Date(call.createdAt).toISOString(),
    answeredAt: call.answeredAt === null ? null : new Date(call.answeredAt).toISOString(),
    endedAt: call.endedAt === null ? null : new Date(call.endedAt).toISOString(),
    duration: call.endedAt === null ? null : callDurationSecondsOf(call, timeScale),
    transcript: call.transcript.map((entry) => ({ ...entry })),
    awaiting: call.awaiting
      ? { ...call.awaiting, ...(call.awaiting.kind === 'gather' ? { input: [...call.awaiting.input] } : {}) }
      : null,
    queue: call.queue
      ? {
          name: call.queue.name,
          sid: call.queue.sid,
          position: call.queue.position(call),
          size: call.queue.members.length,
        }
      : null,
    conference:
      participant && conference
        ? {
            name: conference.friendlyName,
            sid: conference.sid,
            status: conference.status,
            held: participant.hold,
            muted: participant.muted,
            participants: [...conference.participants.values()].map((p) => ({
              callSid: p.call.sid,
              party: p.call.party,
              muted: p.muted,
              held: p.hold,
              coaching: p.callSidToCoach,
              label: p.options.label,
            })),
          }
        : null,
    bridgedWith: call.bridge ? call.bridge.other(call).sid : null,
  };
}
