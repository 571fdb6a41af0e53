import type { CallView } from '../../../server/http/voiceApiTypes';
import { myLeg } from './myCalls';

/** How long after accepting a voice offer a ringing device is taken as that call (ringing goes through a worker and Twilio). */
export const AUTO_ANSWER_WINDOW_MS = 60_000;

/** Tickets whose offer I accepted, by when; entries older than the window are dropped. */
export function rememberAccepted(accepted: ReadonlyMap<string, number>, ticketId: string, nowMs: number): Map<string, number> {
  const next = new Map([...accepted].filter(([, at]) => nowMs - at < AUTO_ANSWER_WINDOW_MS));
  next.set(ticketId, nowMs);
  return next;
}

/**
 * Whether a call ringing my device should be answered without asking: I just accepted the offer of a ticket whose live
 * call is ringing my leg. Anything else (a transfer to me, a call I did not expect) waits for Answer.
 */
export function shouldAutoAnswer(calls: readonly CallView[], accepted: ReadonlyMap<string, number>, myId: string, nowMs: number): boolean {
  return calls.some((call) => {
    if (call.endedAt || !call.ticketId) return false;
    const at = accepted.get(call.ticketId);
    if (at === undefined || nowMs - at >= AUTO_ANSWER_WINDOW_MS) return false;
    const leg = myLeg(call, myId);
    return !!leg && !leg.answeredAt && !leg.endedAt;
  });
}
