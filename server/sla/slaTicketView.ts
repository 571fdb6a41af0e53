// A ticket's SLA as the console shows it: its policy, its badge and every clock it has had.
import type { Sql } from '../db/client';
import type { SlaClockView, TicketSlaResponse } from '../http/slaApiTypes';
import { findSchedule } from '../settings/businessHoursSettings';
import { businessMinutesBetween } from './businessTime';
import { slaBadgeColumn } from './slaBadgeSql';
import type { SlaClockRow } from './slaClockRows';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function presentClock(clock: SlaClockRow, usedMinutes: number, now: Date): SlaClockView {
  const running = clock.stoppedAt === null && clock.runningSince !== null;
  const late = clock.breachedAt !== null || (running && clock.dueAt !== null && clock.dueAt <= now);
  return {
    target: clock.target,
    cycle: clock.cycle,
    state: clock.stoppedAt ? 'stopped' : running ? 'running' : 'paused',
    result: clock.result ?? (late ? 'breached' : 'pending'),
    targetMinutes: clock.targetMinutes,
    startedAt: clock.startedAt.toISOString(),
    warnAt: running ? iso(clock.warnAt) : null,
    dueAt: clock.stoppedAt || running ? iso(clock.dueAt) : null,
    stoppedAt: iso(clock.stoppedAt),
    usedMinutes: Math.round(usedMinutes * 10) / 10,
    warnedAt: iso(clock.warnedAt),
    breachedAt: iso(clock.breachedAt),
    escalatedAt: iso(clock.escalatedAt),
  };
}

/** Read-only: the caller has checked the viewer may open the ticket. */
export async function ticketSlaView(sql: Sql, ticketId: string, now = new Date()): Promise<TicketSlaResponse> {
  const [ticket] = await sql<
    {
      policyId: string | null;
      policyName: string | null;
      businessHoursId: string | null;
      sla: TicketSlaResponse['badge'];
    }[]
  >`
    select p.id as policy_id, p.name as policy_name, q.business_hours_id, ${slaBadgeColumn(sql)}
    from tickets t left join sla_policies p on p.id = t.sla_policy_id left join queues q on q.id = t.queue_id
    where t.id = ${ticketId}`;
  const clocks = await sql<SlaClockRow[]>`
    select * from sla_clocks where ticket_id = ${ticketId} order by started_at, target, cycle`;
  const schedule = ticket?.businessHoursId ? await findSchedule(sql, ticket.businessHoursId) : null;
  const views = clocks.map((c) =>
    presentClock(
      c,
      c.usedMinutes +
        (c.stoppedAt === null && c.runningSince ? businessMinutesBetween(schedule, c.runningSince, now) : 0),
      now,
    ),
  );
  return {
    policy: ticket?.policyId ? { id: ticket.policyId, name: ticket.policyName! } : null,
    badge: ticket?.sla ?? null,
    clocks: views,
  };
}
