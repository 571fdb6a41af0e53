import type { SessionUser } from '../auth/sessions';
import type { Sql } from '../db/client';
import type { WaitingContactView } from '../http/wallApiTypes';
import { watchedQueuesCondition } from './wallFigures';

/** Who waits in the viewer's queues, longest first: unassigned open tickets in a queue, routable now. */
export async function waitingContactsFor(sql: Sql, viewer: Pick<SessionUser, 'role' | 'userId'>) {
  const rows = await sql<(Omit<WaitingContactView, 'waitingSince'> & { waitingSince: Date })[]>`
    select t.id as ticket_id, t.number::int as ticket_number, t.channel, t.subject, t.priority, cu.name as customer_name,
      q.id as queue_id, q.name as queue_name, t.waiting_since,
      (select c.id from calls c where c.ticket_id = t.id and c.ended_at is null order by c.created_at desc limit 1) as call_id
    from tickets t join queues q on q.id = t.queue_id join customers cu on cu.id = t.customer_id
    where t.assignee_id is null and t.status not in ('resolved', 'closed') and t.waiting_since is not null
      and (t.routable_after is null or t.routable_after <= now()) and ${watchedQueuesCondition(sql, viewer)}
    order by t.waiting_since, t.number
    limit 500`;
  return rows.map((r): WaitingContactView => ({ ...r, waitingSince: r.waitingSince.toISOString() }));
}
