import type { CallMonitoredEvent } from '../../../server/http/wallApiTypes';

/** The monitoring of my calls the server told me of, by call id. */
export type MonitoredCalls = ReadonlyMap<string, CallMonitoredEvent>;

/** A supervisor started, switched (same call, new mode) or stopped (mode null) monitoring one of my calls. */
export function applyMonitored(known: MonitoredCalls, event: CallMonitoredEvent): MonitoredCalls {
  const next = new Map(known);
  if (event.mode === null) next.delete(event.callId);
  else next.set(event.callId, event);
  return next;
}

/** A call that ended is monitored no more, whether or not the stop was heard. */
export function forgetCall(known: MonitoredCalls, callId: string): MonitoredCalls {
  if (!known.has(callId)) return known;
  const next = new Map(known);
  next.delete(callId);
  return next;
}
