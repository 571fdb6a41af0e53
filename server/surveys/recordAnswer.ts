import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import { publishCustomerChanged } from '../customers/customerEvents';
import { requestHealthRefresh } from '../health/healthJobs';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { announceLowScore, openLowScoreReturnVisit } from './lowScore';
import { findSurveyRow, takesAnswers, type SurveyRow } from './surveyRow';

export type SurveyAnswer =
  | { kind: 'score'; score: number }
  /** null: left unanswered (on the web page), the survey moves on. */
  /** With `comment`: a text that was no yes or no, kept as the comment (comments on); the survey is then done. */
  | { kind: 'second'; yes: boolean | null; comment?: string }
  /** A spoken comment carries its recording: Twilio's address and the sid its copy in our file store is kept by. */
  | { kind: 'comment'; text: string | null; recordingUrl?: string | null; recordingSid?: string | null };

export type SurveyStep = SurveyRow['step'];

export interface Recorded {
  survey: SurveyRow;
  /** What the survey asks next ('done' when finished). */
  next: SurveyStep;
  /** False when this answer (by provider id) was taken before, or the survey no longer takes it: nothing changed. */
  changed: boolean;
}

/** The step after `step`, by what the survey asks. */
export function stepAfter(survey: Pick<SurveyRow, 'settings'>, step: SurveyStep): SurveyStep {
  if (step === 'score' && survey.settings.askSecondQuestion) return 'second';
  if ((step === 'score' || step === 'second') && survey.settings.askComment) return 'comment';
  return 'done';
}

/**
 * Records one answer of a survey, once per provider id (a MessageSid, a CallSid and step, a form post), only at the
 * step the survey is at and while it takes answers. A score at or below the threshold opens a return visit in the
 * same transaction; after commit supervisors are alerted, and the ticket and customer re-read.
 */
export async function recordSurveyAnswer(
  ctx: AppContext,
  surveyId: string,
  answer: SurveyAnswer,
  providerId: string,
): Promise<Recorded | null> {
  const outcome = await ctx.sql.begin(async (tx) => {
    const survey = await findSurveyRow(tx, surveyId, true);
    if (!survey) return null;
    const [fresh] = await tx`
      insert into survey_answers (provider_id, survey_id, step) values (${providerId}, ${surveyId}, ${answer.kind})
      on conflict do nothing returning provider_id`;
    if (!fresh || !takesAnswers(survey) || survey.step !== answer.kind)
      return { survey, next: survey.step, changed: false, lowVisit: undefined };
    let next = stepAfter(survey, survey.step);
    let lowVisit: { id: string; ticketId: string } | null | undefined;
    if (answer.kind === 'score') {
      const low = answer.score <= survey.settings.lowScoreThreshold;
      await tx`
        update surveys set score = ${answer.score}, status = 'answered', answered_at = now(), low_score = ${low},
          step = ${next}, updated_at = now()
        where id = ${surveyId}`;
      await writeAudit(tx, {
        actorUserId: null,
        actorKind: 'customer',
        action: 'survey.answered',
        entityType: 'ticket',
        entityId: survey.ticketId,
        data: { surveyId, score: answer.score, scale: survey.scale, low },
      });
      if (low) lowVisit = await openLowScoreReturnVisit(tx, survey, answer.score, null);
    } else if (answer.kind === 'second') {
      if (answer.comment) next = 'done';
      await tx`
        update surveys set second_answer = ${answer.yes}, comment = coalesce(${answer.comment ?? null}, comment),
          step = ${next}, updated_at = now()
        where id = ${surveyId}`;
    } else {
      await tx`
        -- A spoken comment's transcription may have come first: a recording alone keeps it.
        update surveys set comment = coalesce(${answer.text?.trim() || null}, comment),
          comment_recording_url = ${answer.recordingUrl ?? null}, comment_recording_sid = ${answer.recordingSid ?? null},
          step = 'done', updated_at = now()
        where id = ${surveyId}`;
    }
    return { survey: { ...survey, step: next }, next, changed: true, lowVisit };
  });
  if (!outcome) return null;
  const { lowVisit, ...recorded } = outcome;
  if (recorded.changed) {
    if (lowVisit !== undefined) await announceLowScore(ctx, surveyId, lowVisit);
    await publishTicketChanged(ctx, recorded.survey.ticketId);
    await publishCustomerChanged(ctx, [recorded.survey.customerId]);
    if (answer.kind === 'score') await requestHealthRefresh(ctx, recorded.survey.customerId);
  }
  return recorded;
}

/** A spoken comment's transcription, which Twilio sends after the call: the comment, unless one was written. */
export async function attachCommentTranscription(ctx: AppContext, surveyId: string, text: string) {
  const [row] = await ctx.sql<{ ticketId: string }[]>`
    update surveys set comment = ${text.trim()}, updated_at = now()
    where id = ${surveyId} and comment is null and ${text.trim() !== ''}
    returning ticket_id`;
  if (row) await publishTicketChanged(ctx, row.ticketId);
}
