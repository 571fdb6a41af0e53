import type { SessionUser } from '../auth/sessions';
import type { Sql } from '../db/client';
import type { AgentReportResponse, AgentReportRow } from '../http/wallApiTypes';
import { listAwayReasons } from '../settings/awayReasonSettings';
import { agentActivity, occupancyOf } from '../wall/agentActivity';
import { watchedAgentsCondition } from '../wall/agentGrid';
import { periodsOf, type ReportQuery } from './reportPeriods';

/** Per agent and interval: handled, talk/hold/wrap-up, occupancy and time in each presence (away per reason). */
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
    awayByReason: a.awayByReason.map((r) => ({ reason: r.reason, seconds: Math.round(r.seconds) })),
  }));
  return {
    from: new Date(q.from).toISOString(),
    to: new Date(q.to).toISOString(),
    interval: q.interval,
    timezone: q.timezone,
    rows,
    awayReasons: await listAwayReasons(sql, 'all'),
  };
}

/** The away reasons a report has time for, in the order of the list (retired ones after), then away with no reason. */
export function reportedAwayReasons(report: AgentReportResponse): (string | null)[] {
  const seen = new Set(report.rows.flatMap((r) => r.awayByReason.filter((a) => a.seconds > 0).map((a) => a.reason)));
  const known = report.awayReasons.map((r) => r.code).filter((code) => seen.has(code));
  const unlisted = [...seen].filter((code): code is string => code !== null && !known.includes(code)).sort();
  return [...known, ...unlisted, ...(seen.has(null) ? [null] : [])];
}
