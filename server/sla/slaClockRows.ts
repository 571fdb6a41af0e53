// The SLA clocks of one ticket as rows, and the maths that places their warning, due and escalation instants.
import type { TransactionSql } from '../db/client';
import type { SlaTarget } from '../http/slaApiTypes';
import type { WeeklySchedule } from '../settings/weeklySchedule';
import { addBusinessMinutes, businessMinutesBetween } from './businessTime';
import type { SlaPolicy } from './slaPolicies';

export interface SlaClockRow {
  id: string;
  ticketId: string;
  target: SlaTarget;
  cycle: number;
  policyId: string | null;
  targetMinutes: number;
  startedAt: Date;
  usedMinutes: number;
  runningSince: Date | null;
  paused: boolean;
  warnAt: Date | null;
  dueAt: Date | null;
  escalateAt: Date | null;
  stoppedAt: Date | null;
  result: 'met' | 'breached' | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  escalatedAt: Date | null;
}

/** The policy and calendar a ticket's clocks count on. */
export interface ClockRules {
  policy: SlaPolicy;
  /** The ticket's queue's business hours; null = around the clock. */
  schedule: WeeklySchedule | null;
}

export const targetMinutesOf = (policy: SlaPolicy, target: SlaTarget) =>
  ({
    first_response: policy.firstResponseMinutes,
    next_response: policy.nextResponseMinutes,
    resolution: policy.resolutionMinutes,
  })[target];

/** Business minutes left before the due time at which the warning fires, or null when the policy sets no warning. */
function warnMinutesLeft(policy: SlaPolicy, targetMinutes: number): number | null {
  const byMinutes = policy.warnMinutesBefore;
  const byPercent = policy.warnPercentUsed === null ? null : (targetMinutes * (100 - policy.warnPercentUsed)) / 100;
  if (byMinutes === null && byPercent === null) return null;
  // Whichever comes first: the larger number of minutes left.
  return Math.max(byMinutes ?? 0, byPercent ?? 0);
}

/** Where a running clock warns, breaches and escalates, counted from `runningSince` with what was used before. */
export function placeInstants(
  rules: ClockRules,
  clock: Pick<SlaClockRow, 'targetMinutes' | 'usedMinutes'>,
  runningSince: Date,
) {
  const left = clock.targetMinutes - clock.usedMinutes;
  const dueAt = addBusinessMinutes(rules.schedule, runningSince, Math.max(0, left));
  const warnLeft = warnMinutesLeft(rules.policy, clock.targetMinutes);
  const warnAt =
    warnLeft === null ? null : addBusinessMinutes(rules.schedule, runningSince, Math.max(0, left - warnLeft));
  const escalation = rules.policy.escalation;
  const escalateAt = escalation ? new Date(dueAt.getTime() + escalation.afterMinutes * 60_000) : null;
  return { dueAt, warnAt, escalateAt };
}

/** Business minutes a running clock has used up to `now`. */
export function usedUpTo(rules: ClockRules, clock: SlaClockRow, now: Date) {
  return clock.runningSince
    ? clock.usedMinutes + businessMinutesBetween(rules.schedule, clock.runningSince, now)
    : clock.usedMinutes;
}

export async function ticketClocks(tx: TransactionSql, ticketId: string) {
  return tx<SlaClockRow[]>`select * from sla_clocks where ticket_id = ${ticketId} order by started_at, target, cycle`;
}

/** Writes a clock's running state; an event whose instant moved into the future may fire again for the new one. */
export async function writeClock(tx: TransactionSql, clock: SlaClockRow, now: Date): Promise<SlaClockRow> {
  const future = (at: Date | null) => at !== null && at > now;
  const [row] = await tx<SlaClockRow[]>`
    update sla_clocks set
      target_minutes = ${clock.targetMinutes}, policy_id = ${clock.policyId}, used_minutes = ${clock.usedMinutes},
      running_since = ${clock.runningSince}, paused = ${clock.paused},
      warn_at = ${clock.warnAt}, due_at = ${clock.dueAt}, escalate_at = ${clock.escalateAt},
      stopped_at = ${clock.stoppedAt}, result = ${clock.result},
      warned_at = ${future(clock.warnAt) && clock.runningSince ? null : clock.warnedAt},
      breached_at = ${future(clock.dueAt) && clock.runningSince ? null : clock.breachedAt},
      escalated_at = ${future(clock.escalateAt) && clock.runningSince ? null : clock.escalatedAt}
    where id = ${clock.id}
    returning *`;
  return row;
}

export async function insertClock(
  tx: TransactionSql,
  rules: ClockRules,
  ticketId: string,
  target: SlaTarget,
  cycle: number,
  startedAt: Date,
): Promise<SlaClockRow | null> {
  const targetMinutes = targetMinutesOf(rules.policy, target);
  if (targetMinutes === null) return null;
  const { dueAt, warnAt, escalateAt } = placeInstants(rules, { targetMinutes, usedMinutes: 0 }, startedAt);
  const [row] = await tx<SlaClockRow[]>`
    insert into sla_clocks (ticket_id, target, cycle, policy_id, target_minutes, started_at, running_since, warn_at, due_at, escalate_at)
    values (${ticketId}, ${target}, ${cycle}, ${rules.policy.id}, ${targetMinutes}, ${startedAt}, ${startedAt}, ${warnAt}, ${dueAt}, ${escalateAt})
    on conflict (ticket_id, target, cycle) do nothing
    returning *`;
  return row ?? null;
}
