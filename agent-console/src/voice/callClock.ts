import type { CallView } from '../../../server/http/voiceApiTypes';

/** "0:07", "12:34", "1:02:03": a call's running time, never negative. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export interface CallClock {
  /** `talk`: since the customer was connected; `wait`: since the customer called (or we started dialling). */
  kind: 'talk' | 'wait';
  seconds: number;
}

const secondsBetween = (from: string, toMs: number) => Math.max(0, Math.floor((toMs - Date.parse(from)) / 1000));

/** What the call bar's timer shows: talk time once connected (frozen when the call ends), else how long the customer has waited. */
export function callClock(
  call: Pick<CallView, 'createdAt' | 'enqueuedAt' | 'connectedAt' | 'endedAt' | 'talkSeconds'>,
  nowMs: number,
): CallClock {
  const until = call.endedAt ? Date.parse(call.endedAt) : nowMs;
  if (call.connectedAt)
    return {
      kind: 'talk',
      seconds: call.endedAt && call.talkSeconds != null ? call.talkSeconds : secondsBetween(call.connectedAt, until),
    };
  return { kind: 'wait', seconds: secondsBetween(call.enqueuedAt ?? call.createdAt, until) };
}

/** Whole seconds of after-call work left before routing may offer the next contact (rounded up, never negative); null without a deadline. */
export function wrapUpSecondsLeft(deadline: string | null, nowMs: number): number | null {
  if (!deadline) return null;
  const at = Date.parse(deadline);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}
