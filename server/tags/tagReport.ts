import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import type { Sql } from '../db/client';
import type { TagReportResponse } from '../http/ticketViewApiTypes';

/**
 * Tickets created from the first to the last day (UTC, both included) per tag, counting only tickets the viewer may
 * open: a supervisor sees their teams', an admin everyone's.
 */
export async function tagReport(
  sql: Sql,
  viewer: Pick<SessionUser, 'userId' | 'role'>,
  period: { from: string; to: string },
): Promise<TagReportResponse> {
  const created = sql`
    select t.id from tickets t
    where t.created_at >= ${period.from}::date::timestamp at time zone 'UTC'
      and t.created_at < (${period.to}::date + 1)::timestamp at time zone 'UTC'
      and ${visibleTicketsCondition(sql, viewer)}`;
  const [tags, [{ tickets }]] = await Promise.all([
    sql<TagReportResponse['tags']>`
      select g.id, g.name, g.color,
             (select count(*)::int from ticket_tags tt where tt.tag_id = g.id and tt.ticket_id in (${created})) as tickets
      from tags g order by tickets desc, lower(g.name)`,
    sql<{ tickets: number }[]>`select count(*)::int as tickets from (${created}) c`,
  ]);
  return { from: period.from, to: period.to, tickets, tags };
}
