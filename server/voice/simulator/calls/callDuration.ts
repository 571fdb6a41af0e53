import type { SimCall } from './simCall';

/** Simulated seconds from answer to end (to now while live); 0 for a call never answered. */
export function callDurationSecondsOf(call: SimCall, timeScale: number) {
  if (call.answeredAt === null) return 0;
  return Math.max(0, Math.round(((call.endedAt ?? Date.now()) - call.answeredAt) / timeScale / 1000));
}
