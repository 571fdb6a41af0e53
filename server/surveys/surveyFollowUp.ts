import type { AppContext } from '../context';
import { queueSend } from '../outbound/sendMessageTask';
import { publishTicketChanged } from '../tickets/ticketEvents';
import type { SurveyStep } from './recordAnswer';
import { fillSurveyText } from './surveyMessages';
import type { SurveyRow } from './surveyRow';

/**
 * After an SMS answer: the next question, the comment prompt, or thanks, as an outbound SMS on the survey's ticket
 * (a row `queued`, then the send job), to the number that answered.
 */
export async function textNextSurveyStep(ctx: AppContext, survey: SurveyRow, next: SurveyStep, replyTo: string) {
  const texts = survey.settings.messages[survey.locale];
  const text = next === 'second' ? texts.secondQuestion : next === 'comment' ? texts.commentPrompt : texts.thanks;
  if (!text.trim()) return;
  const [m] = await ctx.sql<{ id: string }[]>`
    insert into messages (ticket_id, channel, direction, status, to_address, body_text, metadata)
    values (${survey.ticketId}, 'sms', 'outbound', 'queued', ${replyTo},
            ${fillSurveyText(text, { scale: survey.scale, ticketNumber: survey.ticketNumber })},
            ${ctx.sql.json({ surveyId: survey.id, surveyStep: next } as never)})
    returning id`;
  await queueSend(ctx, m.id);
  await publishTicketChanged(ctx, survey.ticketId);
}
