import type { AppContext } from '../context';
import { rooms } from '../realtime/rooms';

/**
 * customer.changed, after commit, to those who may be looking at the customers: every supervisor watching all
 * teams, and the assignees and queue-team supervisors of the customers' open tickets.
 */
export async function publishCustomerChanged(ctx: Pick<AppContext, 'sql' | 'publisher'>, customerIds: string[]) {
  const watchers = await ctx.sql<{ assigneeId: string | null; teamId: string | null }[]>`
    select distinct t.assignee_id, q.team_id
    from tickets t left join queues q on q.id = t.queue_id
    where t.customer_id = any(${customerIds}::uuid[]) and t.status not in ('resolved', 'closed')`;
  const targets = new Set<string>([rooms.allSupervisors]);
  for (const w of watchers) {
    if (w.assigneeId) targets.add(rooms.agent(w.assigneeId));
    if (w.teamId) targets.add(rooms.teamSupervisors(w.teamId));
  }
  for (const customerId of customerIds) ctx.publisher.emit([...targets], 'customer.changed', { customerId });
}
