import type { Sql } from '../db/client';
import type { CallStatsResponse, CallStatsRow } from '../http/voiceApiTypes';

/**
 * Calls by period and agent: inbound and outbound counts, answered (connected to an agent), abandoned (queued callers
 * who hung up first; they belong to no agent, so they appear on rows without one), total and average talk time.
 * Periods are cut in UTC.
 */
export async function callStats(
  sql: Sql,
  q: { from: Date; to: Date; groupBy: 'day' | 'week' | 'month'; agentId?: string },
): Promise<CallStatsResponse> {
  const rows = await sql<(Omit<CallStatsRow, 'period'> & { period: Date })[]>`
    select date_trunc(${q.groupBy}, c.created_at at time zone 'UTC') as period, c.agent_id, u.name as agent_name,
      count(*) filter (where c.direction = 'inbound')::int as inbound,
      count(*) filter (where c.direction = 'outbound')::int as outbound,
      count(*) filter (where c.connected_at is not null)::int as answered,
      count(*) filter (where c.abandoned)::int as abandoned,
      coalesce(sum(c.talk_seconds), 0)::int as talk_seconds,
      round(avg(c.talk_seconds))::int as average_talk_seconds
    from calls c left join users u on u.id = c.agent_id
    where c.created_at >= ${q.from} and c.created_at < ${q.to}
      ${q.agentId ? sql`and c.agent_id = ${q.agentId}` : sql``}
    group by 1, 2, 3
    order by 1, 3 nulls last`;
  const [totals] = await sql<CallStatsResponse['totals'][]>`
    select count(*) filter (where direction = 'inbound')::int as inbound, count(*) filter (where direction = 'outbound')::int as outbound,
      count(*) filter (where connected_at is not null)::int as answered, count(*) filter (where abandoned)::int as abandoned,
      coalesce(sum(talk_seconds), 0)::int as talk_seconds, round(avg(talk_seconds))::int as average_talk_seconds
    from calls where created_at >= ${q.from} and created_at < ${q.to} ${q.agentId ? sql`and agent_id = ${q.agentId}` : sql``}`;
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    groupBy: q.groupBy,
    rows: rows.map((r) => ({ ...r, period: r.period.toISOString().slice(0, 10) })),
    totals,
  };
}
