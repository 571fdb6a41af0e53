import type { CallbackStatus, CallbackView } from '../api/callbackEndpoints';
import { isoToLocalInput, localInputToIso } from '../campaigns/scheduleTime';

export interface CallbackFormValues {
  phoneNumber: string;
  queueId: string;
  /** A `<input type="datetime-local">` value, the agent's local time. */
  dueAt: string;
  note: string;
}

export type CallbackFormField = keyof CallbackFormValues;

const QUARTER_HOUR_MS = 15 * 60_000;

/** The first quarter hour at least an hour from now, as a datetime-local value: a sensible "call them back later". */
export function defaultDueInput(now: Date = new Date()): string {
  const inAnHour = now.getTime() + 60 * 60_000;
  return isoToLocalInput(new Date(Math.ceil(inAnHour / QUARTER_HOUR_MS) * QUARTER_HOUR_MS));
}

/** How far in the past a due time may be, as on the server: a form sent at "now" arrives a little late. */
export const PAST_DUE_GRACE_MS = 60_000;

/** The earliest time the due field offers (its `min`): this minute. */
export const minDueInput = (now: Date = new Date()): string => isoToLocalInput(now);

/**
 * What POST /api/callbacks needs that the form can check itself: each field given, and a due time not in the past
 * (`pastDue`). The server checks the rest (a dialable number, the queue) and the time again.
 */
export function checkCallbackForm(
  values: CallbackFormValues,
  nowMs: number = Date.now(),
): { dueAt: string | null; missing: CallbackFormField[]; pastDue: boolean } {
  const dueAt = localInputToIso(values.dueAt);
  const missing: CallbackFormField[] = [];
  if (!values.phoneNumber.trim()) missing.push('phoneNumber');
  if (!values.queueId) missing.push('queueId');
  if (!dueAt) missing.push('dueAt');
  return { dueAt, missing, pastDue: dueAt !== null && Date.parse(dueAt) < nowMs - PAST_DUE_GRACE_MS };
}

/** How long past its due time a waiting callback is overdue: nobody took it, although it should have been made by now. */
export const OVERDUE_AFTER_MS = 5 * 60_000;

/** Still waiting (not offered or dialled yet) more than OVERDUE_AFTER_MS after it fell due. */
export const isOverdue = (callback: Pick<CallbackView, 'status' | 'dueAt'>, nowMs: number) =>
  callback.status === 'pending' && Date.parse(callback.dueAt) < nowMs - OVERDUE_AFTER_MS;

/** Not dialled yet: can still be canceled. */
export const isCancelable = (callback: Pick<CallbackView, 'status'>) =>
  callback.status === 'pending' || callback.status === 'offered';

const OPEN: readonly CallbackStatus[] = ['pending', 'offered', 'dialing'];
export const OPEN_STATUSES = OPEN;
export const CLOSED_STATUSES: readonly CallbackStatus[] = ['completed', 'failed', 'canceled'];

/**
 * Callbacks still to be made, soonest due first, and those that are over, latest first (at most `recentLimit`).
 * Duplicates (the same callback read twice while it changed status) count once, the open reading winning.
 */
export function splitCallbacks(
  callbacks: readonly CallbackView[],
  recentLimit = 50,
): { open: CallbackView[]; recent: CallbackView[] } {
  const byId = new Map<string, CallbackView>();
  for (const callback of callbacks) {
    const known = byId.get(callback.id);
    if (!known || OPEN.includes(callback.status)) byId.set(callback.id, callback);
  }
  const all = [...byId.values()];
  const due = (callback: CallbackView) => Date.parse(callback.dueAt);
  return {
    open: all.filter((callback) => OPEN.includes(callback.status)).sort((a, b) => due(a) - due(b)),
    recent: all
      .filter((callback) => !OPEN.includes(callback.status))
      .sort((a, b) => due(b) - due(a))
      .slice(0, recentLimit),
  };
}
