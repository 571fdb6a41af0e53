import type { InboundContact } from '../../channels/inboundContact';
import type { SmsKeyword } from '../../channels/sms/smsKeywords';
import type { AppContext } from '../context';
import type { Sql, TransactionSql } from '../db/client';
import type { IntakeResult } from '../intake/intakeContact';
import { recordSurveyAnswer, type SurveyAnswer } from './recordAnswer';
import { textNextSurveyStep } from './surveyFollowUp';
import { keepStraySecondReply, STRAY_REPLY } from './straySecondReply';
import { findSurveyRow, type SurveyRow } from './surveyRow';
import { parseScore, parseYesNo } from './surveyScales';

/**
 * An SMS from a number whose survey awaits its answer, read as that answer when it is one: a digit on the scale, a
 * yes or no to the second question, or any text as the comment. It is stored on the survey's ticket without
 * reopening it (never a new ticket, no agent paged) and the next question goes out. While the second question waits,
 * a text that is no yes or no is kept with the survey too: as the comment when comments are on, else with one
 * re-ask (straySecondReply.ts). Anything else — a text that is no answer — returns null and goes to intake as usual.
 * `keyword` (START, HELP…; STOP never comes here) is taken only as a yes or no: "YES" answers the second question.
 * A redelivered MessageSid changes nothing. `lookup`: what lookUpSurveyReply found, read with intake's first statements.
 */
export async function takeSmsSurveyReply(
  ctx: AppContext,
  contact: InboundContact,
  keyword: SmsKeyword | null,
  phone: string,
  { stored, awaitingId }: SurveyReplyLookup,
): Promise<IntakeResult | null> {
  const surveyId = stored[0]?.surveyId ?? awaitingId;
  if (!surveyId) return null;
  const survey = await findSurveyRow(ctx.sql, surveyId);
  if (!survey) return null;
  // A redelivery is read again at the step it answered: recording it again changes nothing, and a first delivery
  // whose process died before it was recorded is recorded now.
  const step = stored.length ? stored[0].step : survey.step;
  if (step === STRAY_REPLY) return keepStraySecondReply(ctx, survey, contact, phone);
  const answer = readAnswer(survey, step, stored.length ? stored[0].bodyText : contact.text);
  if (keyword && !(answer?.kind === 'second' && answer.yes !== null)) return null;
  if (!answer) {
    return !keyword && step === 'second' ? keepStraySecondReply(ctx, survey, contact, phone) : null;
  }
  const [message] = stored.length
    ? stored
    : await ctx.sql<{ id: string }[]>`
        insert into messages (ticket_id, channel, direction, provider_id, status, from_address, to_address, body_text, metadata)
        values (${survey.ticketId}, 'sms', 'inbound', ${contact.providerId}, 'received', ${phone}, ${contact.to}, ${contact.text},
                ${ctx.sql.json({ ...(contact.metadata ?? {}), surveyId: survey.id, surveyAnswer: answer.kind } as never)})
        on conflict (channel, provider_id) do update set updated_at = messages.updated_at
        returning id`;
  const recorded = await recordSurveyAnswer(ctx, survey.id, answer, `sms:${contact.providerId}`);
  if (recorded?.changed) await textNextSurveyStep(ctx, recorded.survey, recorded.next, phone);
  return {
    messageId: message.id,
    ticketId: survey.ticketId,
    customerId: survey.customerId,
    created: !stored.length,
    newTicket: false,
  };
}

function readAnswer(survey: SurveyRow, step: string, text: string): SurveyAnswer | null {
  if (step === 'score') {
    const score = parseScore(survey.scale, text);
    return score === null ? null : { kind: 'score', score };
  }
  if (step === 'second') {
    const yes = parseYesNo(text);
    if (yes !== null) return { kind: 'second', yes };
    // No yes or no: with comments on, what they wrote is their comment, the question left unanswered.
    return survey.settings.askComment && text.trim() ? { kind: 'second', yes: null, comment: text.trim() } : null;
  }
  if (step === 'comment') return text.trim() ? { kind: 'comment', text: text.trim() } : null;
  return null;
}

/** What the one read for every inbound text found: this message stored before as an answer, or a survey awaiting one. */
export interface SurveyReplyLookup {
  stored: { id: string; surveyId: string; step: string; bodyText: string }[];
  awaitingId: string | undefined;
}

export const mayBeSurveyReply = (lookup: SurveyReplyLookup) =>
  lookup.stored.length > 0 || lookup.awaitingId !== undefined;

/**
 * The one read every inbound text from a number makes: this message stored before as an answer (a redelivery), else
 * the survey awaiting an answer from the number. Intake sends it with its own first statements (receiveSms.ts).
 */
export async function lookUpSurveyReply(
  sql: Sql | TransactionSql,
  contact: InboundContact,
  phone: string,
): Promise<SurveyReplyLookup> {
  const found = await sql<
    { stored: boolean; id: string | null; surveyId: string; step: string | null; bodyText: string | null }[]
  >`
    (select true as stored, m.id, m.metadata ->> 'surveyId' as survey_id, m.metadata ->> 'surveyAnswer' as step, m.body_text
     from messages m
     where m.channel = 'sms' and m.provider_id = ${contact.providerId} and m.metadata ? 'surveyAnswer')
    union all
    (select false, null, id::text, null, null from surveys
     where channel = 'sms' and to_address = ${phone} and status in ('sent', 'answered') and step <> 'done'
       and expires_at > now()
     order by sent_at desc limit 1)`;
  return {
    stored: found
      .filter((f) => f.stored)
      .map((f) => ({ id: f.id!, surveyId: f.surveyId, step: f.step!, bodyText: f.bodyText! })),
    awaitingId: found.find((f) => !f.stored)?.surveyId,
  };
}
