import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import type { Sql, SqlFragment } from '../db/client';
import type { SurveyView } from '../http/surveyApiTypes';

interface SurveyViewRow {
  id: string;
  ticketId: string;
  ticketNumber: string;
  customerId: string;
  customerName: string | null;
  queueId: string | null;
  queueName: string | null;
  agentId: string | null;
  agentName: string | null;
  channel: SurveyView['channel'];
  origin: SurveyView['origin'];
  scale: SurveyView['scale'];
  locale: SurveyView['locale'];
  status: SurveyView['status'];
  skipReason: SurveyView['skipReason'];
  sendAt: Date;
  sentAt: Date | null;
  expiresAt: Date | null;
  answeredAt: Date | null;
  score: number | null;
  secondAnswer: boolean | null;
  comment: string | null;
  commentRecordingSid: string | null;
  lowScore: boolean;
  returnVisitId: string | null;
  createdAt: Date;
}

/** Where signed-in staff play a survey's spoken comment (GET, a route of ours that checks the ticket is theirs). */
export const surveyCommentRecordingPath = (surveyId: string) => `/api/surveys/${surveyId}/comment-recording`;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The one output shape of a survey. A survey past its expiry without an answer shows as expired. */
export function presentSurvey(r: SurveyViewRow, now = new Date()): SurveyView {
  const expired = r.status === 'sent' && r.expiresAt !== null && r.expiresAt <= now;
  return {
    id: r.id,
    ticketId: r.ticketId,
    ticketNumber: Number(r.ticketNumber),
    customer: { id: r.customerId, name: r.customerName },
    queue: r.queueId ? { id: r.queueId, name: r.queueName ?? '' } : null,
    agent: r.agentId ? { id: r.agentId, name: r.agentName ?? '' } : null,
    channel: r.channel,
    origin: r.origin,
    scale: r.scale,
    locale: r.locale,
    status: expired ? 'expired' : r.status,
    skipReason: r.skipReason,
    sendAt: r.sendAt.toISOString(),
    sentAt: iso(r.sentAt),
    expiresAt: iso(r.expiresAt),
    answeredAt: iso(r.answeredAt),
    score: r.score,
    secondAnswer: r.secondAnswer,
    comment: r.comment,
    // Played from our server (the copy in the file store, streamed from Twilio until it is made), for staff only.
    commentRecordingUrl: r.commentRecordingSid ? surveyCommentRecordingPath(r.id) : null,
    lowScore: r.lowScore,
    returnVisitId: r.returnVisitId,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Surveys matching `where` (a condition on `s`, the surveys table), newest first unless `orderBy` says otherwise. */
export async function listSurveyViews(
  sql: Sql,
  where: SqlFragment,
  limit = 200,
  orderBy: SqlFragment = sql`s.created_at desc, s.id desc`,
): Promise<SurveyView[]> {
  const rows = await sql<SurveyViewRow[]>`
    select s.id, s.ticket_id, t.number as ticket_number, s.customer_id, c.name as customer_name, s.queue_id, q.name as queue_name,
      s.agent_id, u.name as agent_name, s.channel, s.origin, s.scale, s.locale, s.status, s.skip_reason, s.send_at, s.sent_at,
      s.expires_at, s.answered_at, s.score, s.second_answer, s.comment, s.comment_recording_sid, s.low_score,
      (select r.id from return_visits r where r.cause_survey_id = s.id or r.survey_id = s.id order by r.created_at limit 1) as return_visit_id,
      s.created_at
    from surveys s
      join tickets t on t.id = s.ticket_id
      join customers c on c.id = s.customer_id
      left join queues q on q.id = s.queue_id
      left join users u on u.id = s.agent_id
    where ${where}
    order by ${orderBy}
    limit ${limit}`;
  return rows.map((r) => presentSurvey(r));
}

export const findSurveyView = async (sql: Sql, surveyId: string) =>
  (await listSurveyViews(sql, sql`s.id = ${surveyId}`, 1))[0] ?? null;

export const listTicketSurveys = (sql: Sql, ticketId: string) => listSurveyViews(sql, sql`s.ticket_id = ${ticketId}`);

/** A customer's surveys on the tickets the viewer may open. */
export const listCustomerSurveys = (sql: Sql, customerId: string, viewer: Pick<SessionUser, 'userId' | 'role'>) =>
  listSurveyViews(sql, sql`s.customer_id = ${customerId} and ${visibleTicketsCondition(sql, viewer)}`, 100);
