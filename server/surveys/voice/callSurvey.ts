import { isWithheldCallerId } from '../../../channels/voice/withheldCallerId';
import type { AppContext } from '../../context';
import { findCall } from '../../voice/callQueries';
import { loadIvr } from '../../voice/ivrSettings';
import { requestRecordingCopy } from '../../voice/recordingCopies';
import type { StoredRecording } from '../../voice/recordingMedia';
import { recordSurveyAnswer, attachCommentTranscription } from '../recordAnswer';
import { fillSurveyText, surveyLocale } from '../surveyMessages';
import { findSurveyRow, takesAnswers, type SurveyRow } from '../surveyRow';
import { parseScore, parseYesNo } from '../surveyScales';
import { loadSurveySettings } from '../surveySettings';
import { lockSurveyThrottle } from '../surveyThrottle';
import { VoiceSurveyTwiml } from './voiceSurveyTwiml';

// How long a keypad survey takes answers: it lives as long as the call.
const CALL_SURVEY_HOURS = 1;
const MAX_ATTEMPTS = 2;

const twimlOf = (ctx: AppContext, survey: Pick<SurveyRow, 'locale'>) =>
  new VoiceSurveyTwiml(ctx.config.PUBLIC_URL, survey.locale);

/**
 * The agent has left a connected call and the caller is about to hear goodbye: the keypad survey instead, when the
 * call's queue asks for one (always, or for callers who opted in in the IVR) — never for a withheld caller, and not
 * for a customer surveyed within the queue's throttle. The survey is a row first (one per call, so a retried webhook
 * finds it), credited to the call's agent. Null: no survey, say goodbye.
 */
export async function startCallSurvey(ctx: AppContext, callIdParam: unknown): Promise<string | null> {
  if (typeof callIdParam !== 'string' || !/^[0-9a-f-]{36}$/i.test(callIdParam)) return null;
  const call = await findCall(ctx.sql, callIdParam);
  if (!call?.connectedAt || call.endedAt || !call.ticketId || !call.queueId || !call.customerId) return null;
  const settings = await loadSurveySettings(ctx.sql, call.queueId);
  const [optIn] = await ctx.sql<{ surveyOptIn: boolean }[]>`select survey_opt_in from calls where id = ${call.id}`;
  if (settings.voiceMode === 'off' || (settings.voiceMode === 'opt_in' && !optIn.surveyOptIn)) return null;
  const customerNumber = call.direction === 'inbound' ? call.fromNumber : call.toNumber;
  if (isWithheldCallerId(customerNumber)) return null;
  const created = await ctx.sql.begin(async (tx) => {
    // Under the throttle's lock: a text or email survey going out to this customer at this moment is seen.
    if (settings.throttleDays > 0) await lockSurveyThrottle(tx, call.customerId!);
    const [customer] = await tx<{ preferredLocale: string | null; recent: boolean }[]>`
      select preferred_locale,
        exists (select 1 from surveys s where s.customer_id = c.id and s.sent_at is not null and ${settings.throttleDays} > 0
          and s.sent_at > now() - make_interval(days => ${settings.throttleDays}) and s.call_id is distinct from ${call.id}) as recent
      from customers c where c.id = ${call.customerId}`;
    if (customer.recent) return null;
    // The IVR's language only for a customer who has none of their own.
    const locale =
      surveyLocale(customer.preferredLocale, '') === 'zh-CN' ||
      (!customer.preferredLocale && (await loadIvr(ctx.sql)).language === 'zh-CN')
        ? 'zh-CN'
        : 'en';
    const [row] = await tx<{ id: string }[]>`
      insert into surveys (ticket_id, customer_id, queue_id, agent_id, call_id, channel, origin, scale, locale, settings, status,
                           to_address, send_at, sent_at, expires_at)
      values (${call.ticketId}, ${call.customerId}, ${call.queueId}, ${call.agentId}, ${call.id}, 'voice', 'call', ${settings.scale},
              ${locale}, ${tx.json(settings as never)}, 'sent', ${customerNumber},
              now(), now(), now() + make_interval(hours => ${CALL_SURVEY_HOURS}))
      on conflict (call_id) where call_id is not null do nothing
      returning id`;
    return { row };
  });
  if (!created) return null;
  const [surveyId] = created.row
    ? [created.row.id]
    : (await ctx.sql<{ id: string }[]>`select id from surveys where call_id = ${call.id}`).map((r) => r.id);
  const survey = surveyId ? await findSurveyRow(ctx.sql, surveyId) : null;
  if (!survey || !takesAnswers(survey)) return null;
  return askStep(ctx, survey, survey.step, 0);
}

function askStep(ctx: AppContext, survey: SurveyRow, step: SurveyRow['step'], attempt: number, sorry = false) {
  const texts = survey.settings.messages[survey.locale];
  const fill = (text: string) => fillSurveyText(text, { scale: survey.scale, ticketNumber: survey.ticketNumber });
  const twiml = twimlOf(ctx, survey);
  switch (step) {
    case 'score':
      return twiml.score(survey.id, survey.scale, fill(texts.question), attempt, sorry);
    case 'second':
      return twiml.second(survey.id, fill(texts.secondQuestion), attempt, sorry);
    case 'comment':
      return twiml.comment(survey.id, fill(texts.commentPrompt), fill(texts.thanks));
    case 'done':
      return twiml.goodbye(fill(texts.thanks));
  }
}

/** A keyed answer (or none): recorded once per call and step, then the next question; wrong keys are asked again. */
export async function answerCallSurvey(
  ctx: AppContext,
  surveyId: string,
  step: 'score' | 'second',
  attempt: number,
  digits: string,
  callSid: string,
): Promise<string> {
  const survey = await findSurveyRow(ctx.sql, surveyId);
  if (!survey) return new VoiceSurveyTwiml(ctx.config.PUBLIC_URL, 'en').goodbye('Goodbye.');
  const thanks = survey.settings.messages[survey.locale].thanks;
  const score = step === 'score' ? parseScore(survey.scale, digits) : null;
  const yes = step === 'second' ? parseYesNo(digits) : null;
  if (score === null && yes === null) {
    // Asked again once; after that the caller is let go, the survey unanswered.
    return attempt + 1 < MAX_ATTEMPTS
      ? askStep(ctx, survey, step, attempt + 1, digits !== '')
      : twimlOf(ctx, survey).goodbye(thanks);
  }
  const recorded = await recordSurveyAnswer(
    ctx,
    surveyId,
    score !== null ? { kind: 'score', score } : { kind: 'second', yes: yes! },
    `voice:${callSid}:${step}`,
  );
  if (!recorded) return twimlOf(ctx, survey).goodbye(thanks);
  return askStep(ctx, recorded.survey, recorded.next, 0);
}

/**
 * The spoken comment's recording: a copy into our file store is asked for first (a row, then its job, retried and
 * re-added by the recording-copy sweep, as for call recordings), then the comment is kept on the survey, so no
 * recorded comment is left without its copy. Staff play it from our server; thanks and goodbye.
 */
export async function answerCallSurveyComment(
  ctx: AppContext,
  surveyId: string,
  callSid: string,
  recording: StoredRecording | null,
): Promise<string> {
  const survey = await findSurveyRow(ctx.sql, surveyId);
  if (!survey) return new VoiceSurveyTwiml(ctx.config.PUBLIC_URL, 'en').goodbye('Goodbye.');
  if (recording && takesAnswers(survey) && survey.step === 'comment') {
    await requestRecordingCopy(ctx, recording);
    await recordSurveyAnswer(
      ctx,
      surveyId,
      { kind: 'comment', text: null, recordingUrl: recording.url, recordingSid: recording.sid },
      `voice:${callSid}:comment`,
    );
  }
  return twimlOf(ctx, survey).goodbye(survey.settings.messages[survey.locale].thanks);
}

export const applyCallSurveyTranscription = attachCommentTranscription;
