import type { SimulatedCallView, SimulatedParticipantView } from '../../../../server/http/voiceApiTypes';

/** Where the simulated caller is, as the page shows it. */
export type SimCallState = 'ringing' | 'ivr' | 'queued' | 'connected' | 'onHold' | 'ended';

const ENDED: readonly string[] = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];

export function simCallState(call: Pick<SimulatedCallView, 'status' | 'queue' | 'conference'>): SimCallState {
  if (ENDED.includes(call.status)) return 'ended';
  if (call.status !== 'in-progress') return 'ringing';
  // In the call's conference the caller talks to an agent (or waits on hold for one).
  if (call.conference) return call.conference.onHold ? 'onHold' : 'connected';
  if (call.queue) return 'queued';
  return 'ivr';
}

/** What the caller can do now: press keys, speak, or leave a message. */
export function simCallInputs(call: Pick<SimulatedCallView, 'status' | 'awaiting'> | null) {
  const live = !!call && !ENDED.includes(call.status);
  const gather = live && call.awaiting?.kind === 'gather' ? call.awaiting : null;
  return {
    // A gather listens for keys unless it asks for speech only.
    keys: !!gather && (gather.input.length === 0 || gather.input.includes('dtmf')),
    speech: !!gather && gather.input.includes('speech'),
    message: live && call.awaiting?.kind === 'record',
  };
}

export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** A call the page placed: still worth showing (its line may still change). */
export const isLive = (call: Pick<SimulatedCallView, 'status'>) => !ENDED.includes(call.status);

const ROLE_ORDER = { caller: 0, agent: 1, supervisor: 2 } as const;

/** The caller first, then the agent, then any supervisor: the order people think of a monitored call in. */
export const orderedParties = <P extends Pick<SimulatedParticipantView, 'role'>>(participants: readonly P[]): P[] =>
  [...participants].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
