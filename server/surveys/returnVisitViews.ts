import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import type { Sql, SqlFragment, TransactionSql } from '../db/client';
import type { ReturnVisitStatus, ReturnVisitView } from '../http/surveyApiTypes';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

/**
 * A return visit's state, read from what it became (over `r`, its callback `cb`, follow-up ticket `ft` and survey
 * `sv`): a callback completed, a follow-up ticket resolved or a survey answered is done; a callback that gave up,
 * or a survey skipped or expired, failed. Only canceling is written on the visit itself.
 */
export const returnVisitStatusSql = (sql: Sql | TransactionSql) => sql`
  case
    when r.canceled_at is not null then 'canceled'
    when r.failure is not null then 'failed'
    when r.callback_id is not null then
      case cb.status when 'completed' then 'done' when 'failed' then 'failed' when 'canceled' then 'canceled' else 'open' end
    when r.follow_up_ticket_id is not null then case when ft.status in ('resolved', 'closed') then 'done' else 'open' end
    when r.survey_id is not null then
      case when sv.status = 'answered' then 'done'
           when sv.status in ('skipped', 'canceled', 'expired') or (sv.status = 'sent' and sv.expires_at <= now()) then 'failed'
           else 'open' end
    else 'open'
  end`;

const joins = (sql: Sql | TransactionSql) => sql`
  from return_visits r
    join tickets t on t.id = r.ticket_id
    join customers c on c.id = r.customer_id
    left join queues q on q.id = r.queue_id
    left join callbacks cb on cb.id = r.callback_id
    left join tickets ft on ft.id = r.follow_up_ticket_id
    left join surveys sv on sv.id = r.survey_id
    left join users u on u.id = r.created_by`;

interface Row {
  id: string;
  ticketId: string;
  ticketNumber: string;
  customerId: string;
  customerName: string | null;
  queueId: string | null;
  queueName: string | null;
  method: ReturnVisitView['method'];
  reason: ReturnVisitView['reason'];
  status: ReturnVisitStatus;
  note: string;
  dueAt: Date;
  callbackId: string | null;
  followUpTicketId: string | null;
  surveyId: string | null;
  failure: string | null;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

/** Return visits on tickets the viewer may open, matching `where`, newest first. */
export async function listReturnVisitViews(
  sql: Sql,
  viewer: Viewer,
  where: SqlFragment = sql`true`,
  limit = 500,
): Promise<ReturnVisitView[]> {
  const rows = await sql<Row[]>`
    select * from (
      select r.id, r.ticket_id, t.number as ticket_number, r.customer_id, c.name as customer_name, r.queue_id, q.name as queue_name,
        r.method, r.reason, ${returnVisitStatusSql(sql)} as status, r.note, r.due_at, r.callback_id, r.follow_up_ticket_id,
        r.survey_id, r.failure, r.created_by as created_by_id, u.name as created_by_name, r.created_at,
        case when cb.status = 'completed' then cb.updated_at when ft.status in ('resolved', 'closed') then ft.resolved_at
             else sv.answered_at end as completed_at
      ${joins(sql)}
      where ${visibleTicketsCondition(sql, viewer)}
    ) v where ${where}
    order by v.created_at desc, v.id desc
    limit ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticketId,
    ticketNumber: Number(r.ticketNumber),
    customer: { id: r.customerId, name: r.customerName },
    queue: r.queueId ? { id: r.queueId, name: r.queueName ?? '' } : null,
    method: r.method,
    reason: r.reason,
    status: r.status,
    note: r.note,
    dueAt: r.dueAt.toISOString(),
    callbackId: r.callbackId,
    followUpTicketId: r.followUpTicketId,
    surveyId: r.surveyId,
    failure: r.failure,
    createdBy: r.createdById ? { id: r.createdById, name: r.createdByName ?? '' } : null,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
  }));
}
