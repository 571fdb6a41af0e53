// SLA reports: hit rate per target, queue, agent and channel over the clocks that ended in a period, and the
// breaches whose due time fell in it. Only tickets the viewer may open count.
import { z } from 'zod';
import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import type { Sql } from '../db/client';
import type { Channel } from '../http/apiTypes';
import type { SlaBreachRow, SlaHitRateRow, SlaReportResponse, SlaTarget } from '../http/slaApiTypes';
import { calendarDay } from '../http/validate';

const MAX_DAYS = 366;
const MAX_BREACHES = 1000;

export const slaReportQuery = z
  .object({ from: calendarDay(), to: calendarDay() })
  .refine((q) => q.to >= q.from, { message: 'must not be before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_DAYS * 86_400_000, {
    message: `must be at most ${MAX_DAYS} days after from`,
    path: ['to'],
  });

interface Ended {
  target: SlaTarget;
  queueId: string | null;
  queueName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  channel: Channel;
  met: number;
  breached: number;
}

function rollUp(rows: Ended[], key: (r: Ended) => string | null, label: (r: Ended) => string): SlaHitRateRow[] {
  const buckets = new Map<string | null, SlaHitRateRow>();
  for (const r of rows) {
    const k = key(r);
    const b = buckets.get(k) ?? { key: k, label: label(r), met: 0, breached: 0, hitRate: null };
    b.met += r.met;
    b.breached += r.breached;
    buckets.set(k, b);
  }
  return [...buckets.values()]
    .map((b) => ({ ...b, hitRate: b.met + b.breached ? b.met / (b.met + b.breached) : null }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export async function slaReport(
  sql: Sql,
  viewer: Pick<SessionUser, 'userId' | 'role'>,
  from: string,
  to: string,
): Promise<SlaReportResponse> {
  const visible = visibleTicketsCondition(sql, viewer);
  const ended = await sql<Ended[]>`
    select c.target, t.queue_id, q.name as queue_name, t.assignee_id, u.name as assignee_name, t.channel,
           count(*) filter (where c.result = 'met')::int as met, count(*) filter (where c.result = 'breached')::int as breached
    from sla_clocks c join tickets t on t.id = c.ticket_id
    left join queues q on q.id = t.queue_id left join users u on u.id = t.assignee_id
    where c.result is not null and c.stopped_at >= ${from}::date and c.stopped_at < ${to}::date + 1 and ${visible}
    group by c.target, t.queue_id, q.name, t.assignee_id, u.name, t.channel`;
  const breaches = await sql<
    (Omit<SlaBreachRow, 'number' | 'dueAt' | 'stoppedAt'> & { number: string; dueAt: Date; stoppedAt: Date | null })[]
  >`
    select t.id as ticket_id, t.number, t.subject, c.target, c.cycle, t.channel, q.name as queue_name,
           u.name as assignee_name, p.name as policy_name, c.due_at, c.stopped_at
    from sla_clocks c join tickets t on t.id = c.ticket_id
    left join queues q on q.id = t.queue_id left join users u on u.id = t.assignee_id
    left join sla_policies p on p.id = c.policy_id
    where (c.result = 'breached' or (c.stopped_at is null and c.breached_at is not null))
      and c.due_at >= ${from}::date and c.due_at < ${to}::date + 1 and ${visible}
    order by c.due_at desc
    limit ${MAX_BREACHES}`;
  return {
    from,
    to,
    byTarget: rollUp(
      ended,
      (r) => r.target,
      (r) => r.target,
    ),
    byQueue: rollUp(
      ended,
      (r) => r.queueId,
      (r) => r.queueName ?? 'No queue',
    ),
    byAgent: rollUp(
      ended,
      (r) => r.assigneeId,
      (r) => r.assigneeName ?? 'Unassigned',
    ),
    byChannel: rollUp(
      ended,
      (r) => r.channel,
      (r) => r.channel,
    ),
    breaches: breaches.map((b) => ({
      ...b,
      number: Number(b.number),
      dueAt: b.dueAt.toISOString(),
      stoppedAt: b.stoppedAt?.toISOString() ?? null,
    })),
  };
}

const percent = (rate: number | null) => (rate === null ? '' : (rate * 100).toFixed(1));

export function hitRatesCsvRows(report: SlaReportResponse): unknown[][] {
  const groups = [
    ['target', report.byTarget],
    ['queue', report.byQueue],
    ['agent', report.byAgent],
    ['channel', report.byChannel],
  ] as const;
  return groups.flatMap(([by, rows]) => rows.map((r) => [by, r.label, r.met, r.breached, percent(r.hitRate)]));
}
export const HIT_RATE_COLUMNS = ['by', 'name', 'met', 'breached', 'hit_rate_percent'];

export function breachesCsvRows(report: SlaReportResponse): unknown[][] {
  return report.breaches.map((b) => [
    b.number,
    b.subject,
    b.target,
    b.cycle,
    b.channel,
    b.queueName ?? '',
    b.assigneeName ?? '',
    b.policyName ?? '',
    b.dueAt,
    b.stoppedAt ?? '',
  ]);
}
export const BREACH_COLUMNS = [
  'ticket',
  'subject',
  'target',
  'cycle',
  'channel',
  'queue',
  'assignee',
  'policy',
  'due_at',
  'stopped_at',
];
