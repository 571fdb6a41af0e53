// Editing a policy, a calendar or a queue moves the due times of the open tickets it touches (and their timers).
import type { AppContext } from '../context';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { slaOnTicketChanged } from './slaHooks';

export type RecomputeScope = { all: true } | { businessHoursId: string } | { queueId: string };

/** Re-places the open clocks of open tickets in scope, one ticket per transaction; returns how many. */
export async function recomputeOpenSla(ctx: AppContext, scope: RecomputeScope): Promise<number> {
  const sql = ctx.sql;
  const filter =
    'businessHoursId' in scope
      ? sql`and q.business_hours_id = ${scope.businessHoursId}`
      : 'queueId' in scope
        ? sql`and t.queue_id = ${scope.queueId}`
        : sql``;
  const tickets = await sql<{ id: string }[]>`
    select t.id from tickets t left join queues q on q.id = t.queue_id
    where t.status not in ('resolved', 'closed') ${filter}
      and exists (select 1 from sla_clocks c where c.ticket_id = t.id and c.stopped_at is null)`;
  for (const { id } of tickets) {
    await sql.begin(async (tx) => {
      await tx`select 1 from tickets where id = ${id} for update`;
      await slaOnTicketChanged(ctx, tx, id);
    });
    await publishTicketChanged(ctx, id);
  }
  return tickets.length;
}
