// Twilio's call statuses, ranked so that a status callback arriving late or twice never moves a call backwards.

export const CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const FINAL_CALL_STATUSES: readonly CallStatus[] = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];

export function isCallStatus(value: unknown): value is CallStatus {
  return typeof value === 'string' && (CALL_STATUSES as readonly string[]).includes(value);
}

export function isFinal(status: CallStatus) {
  return FINAL_CALL_STATUSES.includes(status);
}

/** Position in a call's life; every final status ranks last, so the first final status reported wins. */
export function statusRank(status: CallStatus): number {
  return isFinal(status) ? 4 : ['queued', 'initiated', 'ringing', 'in-progress'].indexOf(status);
}

/** Whether `next` may replace `current`: only forward, and a final status is never replaced. */
export function advancesStatus(current: CallStatus, next: CallStatus) {
  return statusRank(next) > statusRank(current);
}
