// How one clock changes: pause, resume, stop, reopen, and re-placing it on new rules. Pure: each returns the new row.
import { placeInstants, usedUpTo, type ClockRules, type SlaClockRow } from './slaClockRows';

export const isOpen = (clock: SlaClockRow) => clock.stoppedAt === null;

/**
 * The instants of a clock that runs from `now`. One that has used up its target keeps the instants it had: it is due
 * when it was due, and its breach and escalation, fired or pending, stay where they were (a ticket edit after a
 * breach must not move the due time to "now", nor arm the escalation again).
 */
function instantsFrom(rules: ClockRules, clock: SlaClockRow, now: Date) {
  if (clock.usedMinutes >= clock.targetMinutes && clock.dueAt)
    return { dueAt: clock.dueAt, warnAt: clock.warnAt, escalateAt: clock.escalateAt };
  return placeInstants(rules, clock, now);
}
export const isRunning = (clock: SlaClockRow) => clock.stoppedAt === null && clock.runningSince !== null;

/** Paused time is not counted: what was used so far is kept, and the instants wait for the clock to resume. */
export function pause(rules: ClockRules, clock: SlaClockRow, now: Date): SlaClockRow {
  if (!isRunning(clock)) return clock;
  return { ...clock, usedMinutes: usedUpTo(rules, clock, now), runningSince: null, paused: true };
}

/** Runs again from `now` with the time already used: a resumed or reopened clock keeps its past. */
export function resume(rules: ClockRules, clock: SlaClockRow, now: Date): SlaClockRow {
  if (isRunning(clock)) return clock;
  const running = { ...clock, stoppedAt: null, result: null, runningSince: now, paused: false };
  return { ...running, ...instantsFrom(rules, running, now) };
}

/** Stops for good with its result: breached when its breach fired or it ran past its due time. */
export function stop(rules: ClockRules, clock: SlaClockRow, now: Date): SlaClockRow {
  if (!isOpen(clock)) return clock;
  const usedMinutes = usedUpTo(rules, clock, now);
  const late =
    clock.breachedAt !== null ||
    usedMinutes > clock.targetMinutes ||
    (clock.runningSince !== null && clock.dueAt !== null && now > clock.dueAt);
  return {
    ...clock,
    usedMinutes,
    runningSince: null,
    paused: false,
    stoppedAt: now,
    result: late ? 'breached' : 'met',
  };
}

/** New rules (a policy or calendar edited, another policy matching): a running clock's instants move with them. */
export function replace(rules: ClockRules, clock: SlaClockRow, targetMinutes: number, now: Date): SlaClockRow {
  if (!isOpen(clock)) return clock;
  // The time since it last started running is counted on the new calendar (the old one may be gone); the rest from now.
  const settled = { ...clock, usedMinutes: usedUpTo(rules, clock, now), targetMinutes, policyId: rules.policy.id };
  if (!clock.runningSince) return settled;
  return { ...settled, runningSince: now, ...instantsFrom(rules, settled, now) };
}
