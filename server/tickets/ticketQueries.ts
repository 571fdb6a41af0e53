import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import type { Sql, SqlFragment, TransactionSql } from '../db/client';
import type { TicketSummary } from '../http/apiTypes';
import { slaBadgeColumn } from '../sla/slaBadgeSql';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

export interface TicketRow extends Omit<TicketSummary, 'customer' | 'updatedAt' | 'createdAt'> {
  customerId: string;
  customerName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A ticket row as the API shows it in every list. */
export const presentTicket = (r: TicketRow): TicketSummary => ({
  id: r.id,
  number: Number(r.number),
  subject: r.subject,
  channel: r.channel,
  status: r.status,
  priority: r.priority,
  type: r.type,
  queueId: r.queueId,
  assigneeId: r.assigneeId,
  customer: { id: r.customerId, name: r.customerName },
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  // Only when the ticket has an open SLA clock: tickets without one keep their shape.
  ...(r.sla ? { sla: r.sla } : {}),
});

function selectTickets(sql: Sql | TransactionSql, where: SqlFragment, order: SqlFragment = sql`t.updated_at desc`) {
  return sql<TicketRow[]>`
    select t.id, t.number, t.subject, t.channel, t.status, t.priority, t.type, t.queue_id, t.assignee_id, t.created_at, t.updated_at,
           c.id as customer_id, c.name as customer_name, ${slaBadgeColumn(sql)}
    from tickets t join customers c on c.id = t.customer_id
    where ${where}
    order by ${order}
    limit 200`;
}

/** The open tickets assigned to the user: their inbox. */
export async function listInbox(sql: Sql, viewer: Viewer) {
  const rows = await selectTickets(
    sql,
    sql`t.assignee_id = ${viewer.userId} and t.status not in ('resolved', 'closed')`,
  );
  return rows.map(presentTicket);
}

/** A ticket if the viewer may see it, else null (the caller answers 404 either way, so existence does not leak). */
export async function findVisibleTicket(sql: Sql, viewer: Viewer, ticketId: string) {
  const [row] = await selectTickets(sql, sql`${visibleTicketsCondition(sql, viewer)} and t.id = ${ticketId}`);
  return row ? presentTicket(row) : null;
}

/** A ticket by id, without a visibility check: for server-side work (screen pops, jobs) after access was decided. */
export async function findTicketSummary(sql: Sql | TransactionSql, ticketId: string) {
  const [row] = await selectTickets(sql, sql`t.id = ${ticketId}`);
  return row ? presentTicket(row) : null;
}

/** The ticket an accepted offer assigned, found by the offer: it can go out with the accept, before its answer. */
export async function findAcceptedOfferTicket(sql: Sql, offerId: string) {
  const [row] = await selectTickets(
    sql,
    sql`t.id = (select o.ticket_id from offers o where o.id = ${offerId} and o.status = 'accepted')`,
  );
  return row ? presentTicket(row) : null;
}

/** The customer's tickets the viewer may open that are not resolved or closed, newest first. */
export async function listCustomerOpenTickets(sql: Sql, customerId: string, viewer: Viewer) {
  const rows = await selectTickets(
    sql,
    sql`t.customer_id = ${customerId} and t.status not in ('resolved', 'closed') and ${visibleTicketsCondition(sql, viewer)}`,
  );
  return rows.map(presentTicket);
}

/** Every ticket of the customer the viewer may open, newest first: the customer page's history. */
export async function listCustomerTickets(sql: Sql, customerId: string, viewer: Viewer) {
  const rows = await selectTickets(
    sql,
    sql`t.customer_id = ${customerId} and ${visibleTicketsCondition(sql, viewer)}`,
    sql`t.created_at desc, t.number desc`,
  );
  return rows.map(presentTicket);
}

/** How many of the customer's tickets the viewer may not open: the customer page shows them only as this count. */
export async function countHiddenCustomerTickets(sql: Sql, customerId: string, viewer: Viewer): Promise<number> {
  // `is not true`: the condition is null, not false, for a ticket with no queue and no assignee.
  const [{ hidden }] = await sql<{ hidden: number }[]>`
    select count(*)::int as hidden from tickets t
    where t.customer_id = ${customerId} and (${visibleTicketsCondition(sql, viewer)}) is not true`;
  return hidden;
}
