// The supervisors' "at risk and breached" list: open tickets whose running clock is past its warning time.
import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import type { Sql } from '../db/client';
import type { SlaAtRiskItem } from '../http/slaApiTypes';

interface Row extends Omit<SlaAtRiskItem, 'queue' | 'assignee' | 'dueAt' | 'number'> {
  number: string;
  dueAt: Date;
  queueId: string | null;
  queueName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
}

export async function listSlaAtRisk(
  sql: Sql,
  viewer: Pick<SessionUser, 'userId' | 'role'>,
  queueId: string | undefined,
): Promise<SlaAtRiskItem[]> {
  const rows = await sql<Row[]>`
    select distinct on (t.id) t.id as ticket_id, t.number, t.subject, t.channel, t.priority, c.target, c.due_at,
           case when c.breached_at is not null or c.due_at <= now() then 'breached' else 'warning' end as level,
           t.queue_id, q.name as queue_name, t.assignee_id, u.name as assignee_name
    from sla_clocks c join tickets t on t.id = c.ticket_id
    left join queues q on q.id = t.queue_id left join users u on u.id = t.assignee_id
    where c.stopped_at is null and c.running_since is not null
      and (c.breached_at is not null or c.due_at <= now() or c.warned_at is not null or c.warn_at <= now())
      and t.status not in ('resolved', 'closed')
      and ${queueId ? sql`t.queue_id = ${queueId}` : sql`true`}
      and ${visibleTicketsCondition(sql, viewer)}
    order by t.id, c.due_at`;
  return rows
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .slice(0, 500)
    .map((r) => ({
      ticketId: r.ticketId,
      number: Number(r.number),
      subject: r.subject,
      channel: r.channel,
      priority: r.priority,
      queue: r.queueId ? { id: r.queueId, name: r.queueName ?? '' } : null,
      assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
      target: r.target,
      level: r.level,
      dueAt: r.dueAt.toISOString(),
    }));
}
