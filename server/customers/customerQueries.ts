import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import type { Sql, SqlFragment } from '../db/client';
import type { CustomerView, InteractionView } from '../http/apiTypes';

interface CustomerRow {
  id: string;
  name: string | null;
  company: string | null;
  notes: string;
  tags: string[];
  identities: { id: string; kind: 'phone' | 'email'; value: string; smsOptedOutAt: string | null }[];
  createdAt: Date;
  updatedAt: Date;
}

const presentCustomer = (r: CustomerRow): CustomerView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

function selectCustomers(sql: Sql, where: SqlFragment) {
  return sql<CustomerRow[]>`
    select c.id, c.name, c.company, c.notes, c.tags, c.created_at, c.updated_at,
           coalesce((select json_agg(json_build_object('id', i.id, 'kind', i.kind, 'value', i.value, 'smsOptedOutAt', i.sms_opted_out_at) order by i.kind, i.value)
                     from customer_identities i where i.customer_id = c.id), '[]') as identities
    from customers c where ${where}`;
}

export async function findCustomerView(sql: Sql, customerId: string): Promise<CustomerView | null> {
  const [row] = await selectCustomers(sql, sql`c.id = ${customerId}`);
  return row ? presentCustomer(row) : null;
}

/** Customers by id, in the order of the ids given. */
export async function listCustomerViews(sql: Sql, ids: string[]): Promise<CustomerView[]> {
  if (!ids.length) return [];
  const byId = new Map((await selectCustomers(sql, sql`c.id in ${sql(ids)}`)).map((r) => [r.id, presentCustomer(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The customer's messages across the tickets the viewer may open, newest first. Internal notes never leave their
 * ticket: a view of the customer shows only what was said with them.
 */
export async function listInteractions(
  sql: Sql,
  customerId: string,
  limit: number,
  viewer: Pick<SessionUser, 'userId' | 'role'>,
): Promise<InteractionView[]> {
  const rows = await sql<(Omit<InteractionView, 'at' | 'ticketNumber'> & { at: Date; ticketNumber: string })[]>`
    select m.id as message_id, t.id as ticket_id, t.number as ticket_number, m.channel, m.direction,
           m.status, m.error_code, m.error_message, left(m.body_text, 500) as text, m.created_at as at
    from messages m join tickets t on t.id = m.ticket_id
    where t.customer_id = ${customerId} and m.direction <> 'internal' and ${visibleTicketsCondition(sql, viewer)}
    order by m.created_at desc, m.id desc
    limit ${limit}`;
  return rows.map((r) => ({ ...r, ticketNumber: Number(r.ticketNumber), at: r.at.toISOString() }));
}
