import type { CallLegView, CallView } from '../../../server/http/voiceApiTypes';

/** My latest leg on the call: the one the controls act on. */
export function myLeg(call: CallView, myId: string): CallLegView | null {
  const mine = call.legs.filter((leg) => leg.agentId === myId);
  return mine.find((leg) => !leg.endedAt) ?? mine[mine.length - 1] ?? null;
}

/** Whether the call belongs in my call bar: I am its agent and it is still going or waits for my after-call work. */
export function isMyCall(call: CallView, myId: string): boolean {
  if (call.agentId !== myId) return false;
  return !call.endedAt || call.wrapUp === 'pending';
}

/** My calls after a `call.changed`: the fresh view replaces the old, is added when it became mine, and goes when it no longer is. */
export function applyCallChange(calls: readonly CallView[], view: CallView, myId: string): CallView[] {
  if (!isMyCall(view, myId)) return calls.filter((call) => call.id !== view.id);
  if (!calls.some((call) => call.id === view.id)) return [...calls, view];
  return calls.map((call) => (call.id === view.id ? view : call));
}

/** The call the bar shows: the newest one still going, else the oldest waiting for after-call work. */
export function currentCall(calls: readonly CallView[]): CallView | null {
  const live = calls.filter((call) => !call.endedAt);
  if (live.length) return live.reduce((newest, call) => (call.createdAt > newest.createdAt ? call : newest));
  return calls.find((call) => call.wrapUp === 'pending') ?? null;
}

/** The customer's side of the call: who called us, or whom we called. */
export const customerNumber = (call: Pick<CallView, 'direction' | 'from' | 'to'>) =>
  call.direction === 'inbound' ? call.from : call.to;
