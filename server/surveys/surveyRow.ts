import type { Sql, TransactionSql } from '../db/client';
import type { Locale } from '../http/apiTypes';
import type { SurveyScale, SurveySettingsInput, SurveyStatus } from '../http/surveyApiTypes';

/** A survey as the code that moves it on reads it. */
export interface SurveyRow {
  id: string;
  ticketId: string;
  ticketNumber: string;
  customerId: string;
  queueId: string | null;
  agentId: string | null;
  callId: string | null;
  channel: 'voice' | 'sms' | 'email';
  origin: 'resolve' | 'call' | 'return_visit';
  scale: SurveyScale;
  locale: Locale;
  settings: SurveySettingsInput;
  status: SurveyStatus;
  step: 'score' | 'second' | 'comment' | 'done';
  toAddress: string | null;
  publicToken: string | null;
  sendAt: Date;
  sentAt: Date | null;
  expiresAt: Date | null;
  score: number | null;
  lowScore: boolean;
}

/** One survey, locked for the caller's transaction when `lock`. */
export async function findSurveyRow(sql: Sql | TransactionSql, surveyId: string, lock = false) {
  const [row] = await sql<SurveyRow[]>`
    select s.id, s.ticket_id, t.number as ticket_number, s.customer_id, s.queue_id, s.agent_id, s.call_id, s.channel, s.origin,
      s.scale, s.locale, s.settings, s.status, s.step, s.to_address, s.public_token, s.send_at, s.sent_at, s.expires_at,
      s.score, s.low_score
    from surveys s join tickets t on t.id = s.ticket_id where s.id = ${surveyId}
    ${lock ? sql`for update of s` : sql``}`;
  return row ?? null;
}

/** Whether the survey still takes answers: sent, not expired, and not finished. */
export const takesAnswers = (s: Pick<SurveyRow, 'status' | 'step' | 'expiresAt'>, now = new Date()) =>
  (s.status === 'sent' || s.status === 'answered') && s.step !== 'done' && (!s.expiresAt || s.expiresAt > now);
