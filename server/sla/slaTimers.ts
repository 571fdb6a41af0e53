// The delayed jobs that fire SLA warnings, breaches and escalations at their exact instants. The instants are columns
// of sla_clocks; a job is only the alarm clock for one, so a lost job is re-added from the row (slaTimerReconciler.ts)
// and a job that fires for an instant that moved or was already handled changes nothing (slaFiring.ts).
import type { AppContext } from '../context';
import type { SlaClockRow } from './slaClockRows';

export const SLA_EVENTS = ['warning', 'breach', 'escalation'] as const;
export type SlaEvent = (typeof SLA_EVENTS)[number];

export interface SlaTimerData {
  clockId: string;
  event: SlaEvent;
}

export const SLA_TIMER_JOB = 'sla-timer';

// Jobs added inside the transaction that writes the row wait at least this long, so the row is committed when they
// run; one that still runs too early finds nothing to do, and the reconciler fires it on its next pass.
const MIN_DELAY_MS = 1000;

/** One job per clock, event and instant: re-adding it is a no-op, and a moved instant gets a job of its own. */
export const slaTimerJobId = (clockId: string, event: SlaEvent, at: Date) => `sla-${event}-${clockId}-${at.getTime()}`;

/** The events of a clock still to fire, with their instants (none for a paused or stopped clock). */
export function pendingEvents(clock: SlaClockRow): { event: SlaEvent; at: Date }[] {
  if (clock.stoppedAt || !clock.runningSince) return [];
  const events: { event: SlaEvent; at: Date }[] = [];
  if (clock.warnAt && !clock.warnedAt && !clock.breachedAt) events.push({ event: 'warning', at: clock.warnAt });
  if (clock.dueAt && !clock.breachedAt) events.push({ event: 'breach', at: clock.dueAt });
  if (clock.escalateAt && !clock.escalatedAt) events.push({ event: 'escalation', at: clock.escalateAt });
  return events;
}

export async function addSlaTimer(
  ctx: Pick<AppContext, 'queues'>,
  clockId: string,
  event: SlaEvent,
  at: Date,
  minDelayMs = 0,
) {
  const data: SlaTimerData = { clockId, event };
  await ctx.queues.timers.add(SLA_TIMER_JOB, data, {
    jobId: slaTimerJobId(clockId, event, at),
    delay: Math.max(minDelayMs, at.getTime() - Date.now()),
  });
}

/**
 * Sets the timers of clocks just written. Redis trouble does not undo the ticket change: the rows hold the
 * instants, and the reconciler adds what is missing.
 */
export async function setClockTimers(ctx: Pick<AppContext, 'queues' | 'log'>, clocks: SlaClockRow[]) {
  try {
    for (const clock of clocks)
      for (const { event, at } of pendingEvents(clock)) await addSlaTimer(ctx, clock.id, event, at, MIN_DELAY_MS);
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'SLA timers not set; the reconciler will add them');
  }
}
