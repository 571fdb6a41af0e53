import { z } from 'zod';
import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import type { Sql } from '../db/client';
import type {
  AtRiskCustomerView,
  SurveyReportGroup,
  SurveyReportResponse,
  SurveyReportRow,
  SurveyView,
} from '../http/surveyApiTypes';
import { SURVEY_SCALES } from '../http/surveyApiTypes';
import { calendarDay } from '../http/validate';
import { aggregateScoreSql } from './surveyScales';
import { listSurveyViews } from './surveyViews';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;
const GROUPS = ['day', 'week', 'month', 'agent', 'queue', 'channel'] as const satisfies readonly SurveyReportGroup[];
const format = z.enum(['json', 'csv']).default('json');
const period = { from: calendarDay(), to: calendarDay() };
const toAfterFrom = { message: 'must not be before from', path: ['to'] };

export const surveyReportQuery = z
  .object({ ...period, groupBy: z.enum(GROUPS).default('day'), scale: z.enum(SURVEY_SCALES).default('csat'), format })
  .refine((q) => q.to >= q.from, toAfterFrom);

export const surveyCommentsQuery = z
  .object({
    ...period,
    queueId: z.uuid('must be a UUID').optional(),
    agentId: z.uuid('must be a UUID').optional(),
    lowOnly: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    format,
  })
  .refine((q) => q.to >= q.from, toAfterFrom);

export const lowScoresQuery = z
  .object({ ...period, queueId: z.uuid('must be a UUID').optional() })
  .refine((q) => q.to >= q.from, toAfterFrom);

/** At most this many low scores a list: the newest (a supervisor narrows the days or the queue for older ones). */
const LOW_SCORES_LISTED = 500;

/** What a row is keyed and labelled by, for each grouping (UTC days; weeks start on Monday). */
function grouping(sql: Sql, groupBy: SurveyReportGroup) {
  const day = (unit: string) => sql`to_char(date_trunc(${unit}, s.sent_at at time zone 'UTC'), 'YYYY-MM-DD')`;
  switch (groupBy) {
    case 'day':
    case 'week':
    case 'month':
      return { key: day(groupBy), label: day(groupBy) };
    case 'agent':
      return { key: sql`coalesce(s.agent_id::text, '')`, label: sql`coalesce(u.name, '')` };
    case 'queue':
      return { key: sql`coalesce(s.queue_id::text, '')`, label: sql`coalesce(q.name, '')` };
    case 'channel':
      return { key: sql`s.channel`, label: sql`s.channel` };
  }
}

type Counts = Omit<SurveyReportRow, 'key' | 'label' | 'responseRate'> & { key?: string; label?: string };

/**
 * Response rate and score of the surveys sent from one day to another (UTC, both included), on the tickets the viewer
 * may open, by period, agent (credited at send), queue or channel; one scale at a time, since scores of different
 * scales do not add up.
 */
export async function surveyReport(
  sql: Sql,
  viewer: Viewer,
  q: z.infer<typeof surveyReportQuery>,
): Promise<SurveyReportResponse> {
  const { key, label } = grouping(sql, q.groupBy);
  const measures = sql`
    count(*)::int as sent, count(*) filter (where s.status = 'answered')::int as answered,
    ${sql.unsafe(aggregateScoreSql(q.scale, 's.score'))}::float8 as score,
    count(*) filter (where s.low_score)::int as low_scores`;
  const from = sql`
    from surveys s join tickets t on t.id = s.ticket_id left join users u on u.id = s.agent_id left join queues q on q.id = s.queue_id
    where s.scale = ${q.scale} and s.sent_at >= ${q.from}::date and s.sent_at < ${q.to}::date + 1
      and ${visibleTicketsCondition(sql, viewer)}`;
  const rows = await sql<Counts[]>`
    select ${key} as key, ${label} as label, ${measures} ${from} group by 1, 2 order by 1`;
  const [total] = await sql<Counts[]>`select ${measures} ${from}`;
  const rate = (c: Counts) => (c.sent ? Math.round((1000 * c.answered) / c.sent) / 1000 : null);
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    scale: q.scale,
    rows: rows.map((r) => ({
      key: r.key!,
      label: r.label!,
      sent: r.sent,
      answered: r.answered,
      responseRate: rate(r),
      score: r.score,
      lowScores: r.lowScores,
    })),
    total: {
      sent: total.sent,
      answered: total.answered,
      responseRate: rate(total),
      score: total.score,
      lowScores: total.lowScores,
    },
  };
}

/** The comments customers left, newest first, on the tickets the viewer may open. */
export function surveyComments(
  sql: Sql,
  viewer: Viewer,
  q: z.infer<typeof surveyCommentsQuery>,
): Promise<SurveyView[]> {
  return listSurveyViews(
    sql,
    sql`(s.comment is not null or s.comment_recording_sid is not null) and s.sent_at >= ${q.from}::date and s.sent_at < ${q.to}::date + 1
      and ${visibleTicketsCondition(sql, viewer)}
      ${q.queueId ? sql`and s.queue_id = ${q.queueId}` : sql``}
      ${q.agentId ? sql`and s.agent_id = ${q.agentId}` : sql``}
      ${q.lowOnly ? sql`and s.low_score` : sql``}`,
    1000,
  );
}

/**
 * The low scores that came in from one day to another (UTC, by when they were answered), with or without a comment,
 * newest first, on the tickets the viewer may open (a supervisor's teams' queues), of one queue if asked.
 */
export function recentLowScores(sql: Sql, viewer: Viewer, q: z.infer<typeof lowScoresQuery>): Promise<SurveyView[]> {
  return listSurveyViews(
    sql,
    sql`s.low_score and s.answered_at >= ${q.from}::date and s.answered_at < ${q.to}::date + 1
      and ${visibleTicketsCondition(sql, viewer)}
      ${q.queueId ? sql`and s.queue_id = ${q.queueId}` : sql``}`,
    LOW_SCORES_LISTED,
    sql`s.answered_at desc, s.id desc`,
  );
}

/** Customers whose last computed health is at risk, the lowest score first. */
export async function atRiskCustomers(sql: Sql): Promise<AtRiskCustomerView[]> {
  const rows = await sql<
    {
      id: string;
      name: string | null;
      score: number;
      reasons: { kind: AtRiskCustomerView['reasons'][number] }[];
      computedAt: Date;
    }[]
  >`
    select c.id, c.name, h.score, h.reasons, h.computed_at from customer_health h join customers c on c.id = h.customer_id
    where h.at_risk and c.merged_into_id is null order by h.score, h.computed_at desc limit 1000`;
  return rows.map((r) => ({
    customer: { id: r.id, name: r.name },
    score: r.score,
    reasons: r.reasons.map((x) => x.kind),
    computedAt: r.computedAt.toISOString(),
  }));
}
