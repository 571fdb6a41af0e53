import type { CallView } from '../../../server/http/voiceApiTypes';
import { myLeg } from './myCalls';

/** How long after accepting a voice offer a ringing device is taken as that call (ringing goes through a worker and Twilio). */
export const AUTO_ANSWER_WINDOW_MS = 60_000;

/** Tickets whose offer I accepted, by when; entries older than the window are dropped. */
export function rememberAccepted(
  accepted: ReadonlyMap<string, number>,
  ticketId: string,
  nowMs: number,
): Map<string, number> {
  const next = new Map([...accepted].filter(([, at]) => nowMs - at < AUTO_ANSWER_WINDOW_MS));
  next.set(ticketId, nowMs);
  return next;
}

const isRecent = (at: number | undefined, nowMs: number) => at !== undefined && nowMs - at < AUTO_ANSWER_WINDOW_MS;

/**
 * A call I placed myself (click-to-dial) that is still dialling: the server rings my device first, then the customer.
 * Told by the call alone (my leg is its first, the customer not on yet), so it holds even when my device rings before
 * POST /api/calls has answered, and in each of my windows.
 */
export function isPlacedByMe(call: Pick<CallView, 'origin' | 'connectedAt' | 'legs'>, myId: string): boolean {
  return call.origin === 'click_to_dial' && !call.connectedAt && call.legs[0]?.agentId === myId;
}

/**
 * Whether a call ringing my device should be answered without asking: a call I expect, ringing my leg — I just accepted
 * the offer of its ticket (`acceptedTickets`: ticket id → when), or I placed it myself. Anything else (a transfer to me,
 * a call I did not expect) waits for Answer.
 */
export function shouldAutoAnswer(
  calls: readonly CallView[],
  acceptedTickets: ReadonlyMap<string, number>,
  myId: string,
  nowMs: number,
): boolean {
  return calls.some((call) => {
    if (call.endedAt) return false;
    const leg = myLeg(call, myId);
    if (!leg || leg.answeredAt || leg.endedAt) return false;
    return isPlacedByMe(call, myId) || (!!call.ticketId && isRecent(acceptedTickets.get(call.ticketId), nowMs));
  });
}

/** A call I placed that has not reached the customer yet: the call bar says "Calling <customer>…". */
export function isCallingOut(call: Pick<CallView, 'direction' | 'phase' | 'endedAt'>): boolean {
  return call.direction === 'outbound' && !call.endedAt && call.phase === 'ringing';
}
