import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import type { Sql, SqlFragment } from '../db/client';
import type { TicketStatus } from '../http/apiTypes';
import { forbidden, HttpError } from '../http/httpError';
import type { TagView, TicketListItem, TicketListResponse, TicketViewName } from '../http/ticketViewApiTypes';
import { findTagByIdOrName } from '../tags/tagQueries';
import { presentTicket, type TicketRow } from './ticketQueries';
import { slaBadgeColumn } from '../sla/slaBadgeSql';
import { ticketSearchCondition } from './ticketSearch';
import { encodeCursor, type TicketViewQuery } from './ticketViewQuery';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

const OPEN: TicketStatus[] = ['new', 'open', 'pending', 'waiting_on_customer'];
// The statuses a view holds unless the query names others.
const VIEW_STATUSES: Record<TicketViewName, TicketStatus[] | null> = {
  mine: OPEN,
  unassigned: OPEN,
  team: OPEN,
  all: null,
  resolved: ['resolved', 'closed'],
};

/** Whose tickets a view holds, on top of what the viewer may open. */
function viewCondition(sql: Sql, viewer: Viewer, view: TicketViewName): SqlFragment {
  switch (view) {
    case 'mine':
      return sql`t.assignee_id = ${viewer.userId}`;
    case 'unassigned':
      return sql`t.assignee_id is null`;
    case 'team':
      if (viewer.role === 'agent') throw forbidden();
      // The teams' tickets as a supervisor sees them, for admins too (who may open every ticket anyway).
      return visibleTicketsCondition(sql, { userId: viewer.userId, role: 'supervisor' });
    case 'all':
    case 'resolved':
      return sql`true`;
  }
}

interface ListRow extends TicketRow {
  queueName: string | null;
  assigneeName: string | null;
  tags: TagView[];
  /** updated_at to the microsecond, as the cursor needs it (a Date keeps milliseconds). */
  activity: string;
}

const presentRow = (r: ListRow): TicketListItem => ({
  ...presentTicket(r),
  tags: r.tags,
  assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
  queue: r.queueId ? { id: r.queueId, name: r.queueName ?? '' } : null,
});

const and = (sql: Sql, parts: SqlFragment[]) => parts.reduce((all, part) => sql`${all} and ${part}`);

/** The filters of the query, each a condition over `tickets t`. */
async function filterConditions(sql: Sql, q: TicketViewQuery, defaultRegion?: string): Promise<SqlFragment[]> {
  const parts: SqlFragment[] = [];
  const statuses = q.status ?? VIEW_STATUSES[q.view];
  if (statuses) parts.push(sql`t.status in ${sql(statuses)}`);
  if (q.channel) parts.push(sql`t.channel in ${sql(q.channel)}`);
  if (q.priority) parts.push(sql`t.priority in ${sql(q.priority)}`);
  if (q.queueId) parts.push(sql`t.queue_id = ${q.queueId}`);
  if (q.assigneeId) parts.push(sql`t.assignee_id = ${q.assigneeId}`);
  if (q.tag) {
    const tag = await findTagByIdOrName(sql, q.tag);
    if (!tag) throw new HttpError(400, 'invalid_input', 'No such tag.', [{ path: 'tag', message: 'no such tag' }]);
    parts.push(sql`exists (select 1 from ticket_tags tt where tt.ticket_id = t.id and tt.tag_id = ${tag.id})`);
  }
  // Days are UTC days; createdTo names the last day included.
  if (q.createdFrom) parts.push(sql`t.created_at >= ${q.createdFrom}::date::timestamp at time zone 'UTC'`);
  if (q.createdTo) parts.push(sql`t.created_at < (${q.createdTo}::date + 1)::timestamp at time zone 'UTC'`);
  if (q.q) parts.push(ticketSearchCondition(sql, q.q, defaultRegion));
  return parts;
}

/**
 * One page of a ticket view: the view's tickets the viewer may open, filtered and searched, newest activity first.
 * Pages are cut by keyset (activity time, then number), so a page never repeats or skips a ticket that did not move.
 */
export async function listTicketView(
  sql: Sql,
  viewer: Viewer,
  q: TicketViewQuery,
  defaultRegion?: string,
): Promise<TicketListResponse> {
  const where = and(sql, [
    visibleTicketsCondition(sql, viewer),
    viewCondition(sql, viewer, q.view),
    ...(await filterConditions(sql, q, defaultRegion)),
  ]);
  const after = q.cursor
    ? sql`and (t.updated_at, t.number) < (${q.cursor.activity}::timestamptz, ${q.cursor.number})`
    : sql``;
  const [rows, [{ total }]] = await Promise.all([
    sql<ListRow[]>`
      select t.id, t.number, t.subject, t.channel, t.status, t.priority, t.type, t.queue_id, q.name as queue_name,
             t.assignee_id, u.name as assignee_name, t.customer_id, c.name as customer_name, t.created_at, t.updated_at,
             to_char(t.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as activity,
             coalesce((select json_agg(json_build_object('id', g.id, 'name', g.name, 'color', g.color) order by lower(g.name))
                       from ticket_tags tt join tags g on g.id = tt.tag_id where tt.ticket_id = t.id), '[]') as tags,
             ${slaBadgeColumn(sql)}
      from tickets t
      join customers c on c.id = t.customer_id
      left join queues q on q.id = t.queue_id
      left join users u on u.id = t.assignee_id
      where ${where} ${after}
      order by t.updated_at desc, t.number desc
      limit ${q.limit + 1}`,
    sql<{ total: number }[]>`select count(*)::int as total from tickets t where ${where}`,
  ]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    tickets: page.map(presentRow),
    total,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor({ activity: last.activity, number: Number(last.number) }) : null,
  };
}
