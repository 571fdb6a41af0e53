import type { AppContext } from '../../context';
import { isOpen } from '../../voice/businessHours';
import type { IvrSettings } from '../../voice/ivrSettings';
import { loadIvr } from '../../voice/ivrSettings';
import { enterQueue } from '../../voice/queueCall';
import { loadSurveySettings } from '../surveySettings';
import { surveyOptInTwiml } from './voiceSurveyTwiml';

/**
 * The caller chose a queue whose keypad survey is opt-in (and open): they are asked first, then wait as usual.
 * Null for any other queue: the IVR goes straight on.
 */
export async function offerSurveyOptIn(ctx: AppContext, ivr: IvrSettings, callId: string, queueId: string) {
  const settings = await loadSurveySettings(ctx.sql, queueId);
  if (settings.voiceMode !== 'opt_in') return null;
  const [queue] = await ctx.sql<
    { businessHoursId: string | null }[]
  >`select business_hours_id from queues where id = ${queueId}`;
  if (!queue || !(await isOpen(ctx.sql, queue.businessHoursId))) return null;
  return surveyOptInTwiml(ctx.config.PUBLIC_URL, ivr.language, callId, queueId);
}

/** The opt-in answer: key 1 opts in (kept on the call); either way the caller goes on to the queue. */
export async function answerSurveyOptIn(ctx: AppContext, callId: string, queueId: string, digits: string) {
  if (digits === '1') await ctx.sql`update calls set survey_opt_in = true, updated_at = now() where id = ${callId}`;
  return enterQueue(ctx, await loadIvr(ctx.sql), callId, queueId);
}
