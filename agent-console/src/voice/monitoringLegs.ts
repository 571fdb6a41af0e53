import type { MonitorSessionView } from '../../../server/http/wallApiTypes';

/** The supervisor's own calls into conferences they monitor, by call SID: while active, their device answers them. */
export type MonitoringLegs = ReadonlySet<string>;

/** A monitoring session of mine started, changed mode or ended (`monitor.changed`). */
export function applyMonitorSession(legs: MonitoringLegs, session: MonitorSessionView): MonitoringLegs {
  if (!session.callSid) return legs;
  const active = session.status === 'active';
  if (active === legs.has(session.callSid)) return legs;
  const next = new Set(legs);
  if (active) next.add(session.callSid);
  else next.delete(session.callSid);
  return next;
}

/**
 * Whether the call ringing my device is my own monitoring leg: I asked to listen, coach or barge, so picking up is
 * what I meant. Any other call keeps ringing until Answer.
 */
export const isMyMonitoringLeg = (legs: MonitoringLegs, ringingId: string | null) =>
  ringingId !== null && legs.has(ringingId);
