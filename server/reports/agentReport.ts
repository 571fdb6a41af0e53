import type { SessionUser } from '../auth/sessions';
import type { Sql } from '../db/client';
import type { AgentReportResponse, AgentReportRow } from '../http/wallApiTypes';
import { agentActivity, occupancyOf } from '../wall/agentActivity';
import { watchedAgentsCondition } from '../wall/agentGrid';
import { periodsOf, type ReportQuery } from './reportPeriods';

/** Per agent and interval: handled, talk/hold/wrap-up, occupancy and time in each presence. */
export async function agentReport(
  sql: Sql,
  viewer: Pick<SessionUser, 'role' | 'userId'>,
  q: ReportQuery & { agentId?: string },
): Promise<AgentReportResponse> {
  const agents = await sql<{ id: string; name: string }[]>`
    select u.id, u.name from users u where ${watchedAgentsCondition(sql, viewer)}
      ${q.agentId ? sql`and u.id = ${q.agentId}` : sql``}
    order by u.name`;
  const periods = await periodsOf(sql, q);
  const activity = await agentActivity(
    sql,
    agents.map((a) => a.id),
    periods,
  );
  const labelOf = new Map(periods.map((p) => [p.start.getTime(), p.label.toISOString()]));
  const nameOf = new Map(agents.map((a) => [a.id, a.name]));
  const rows: AgentReportRow[] = activity.map((a) => ({
    period: labelOf.get(a.period.getTime()) ?? a.period.toISOString(),
    agentId: a.agentId,
    agentName: nameOf.get(a.agentId) ?? '',
    handled: a.handled,
    talkSeconds: Math.round(a.talkSeconds),
    holdSeconds: Math.round(a.holdSeconds),
    wrapUpSeconds: Math.round(a.wrapUpSeconds),
    occupancy: occupancyOf([a]) === null ? null : Number(occupancyOf([a])!.toFixed(4)),
    presenceSeconds: {
      available: Math.round(a.available),
      busy: Math.round(a.busy),
      away: Math.round(a.away),
      offline: Math.round(a.offline),
    },
  }));
  return {
    from: new Date(q.from).toISOString(),
    to: new Date(q.to).toISOString(),
    interval: q.interval,
    timezone: q.timezone,
    rows,
  };
}
