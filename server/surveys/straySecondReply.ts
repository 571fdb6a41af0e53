import type { InboundContact } from '../../channels/inboundContact';
import type { AppContext } from '../context';
import type { Locale } from '../http/apiTypes';
import type { IntakeResult } from '../intake/intakeContact';
import { queueSend } from '../outbound/sendMessageTask';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { fillSurveyText } from './surveyMessages';
import { findSurveyRow, takesAnswers, type SurveyRow } from './surveyRow';

const SORRY: Record<Locale, string> = {
  en: 'Sorry, please answer yes or no.',
  'zh-CN': '抱歉，请回复“是”或“否”。',
};

/** The metadata marking an inbound text kept on a survey as no answer, and the one re-ask it may get. */
export const STRAY_REPLY = 'stray';
const REASK_STEP = 'second-reask';

/**
 * A text that is no yes or no, while an SMS survey without comments waits for its second question's answer. It is
 * kept on the survey's ticket (never a new ticket, no agent paged, the ticket not reopened). The first such text
 * gets a short re-ask; the next one ends the question unanswered, so the customer's texts after it are contacts
 * again rather than waiting on a question they chose not to answer. A redelivered MessageSid changes nothing.
 */
export async function keepStraySecondReply(
  ctx: AppContext,
  survey: SurveyRow,
  contact: InboundContact,
  phone: string,
): Promise<IntakeResult> {
  const outcome = await ctx.sql.begin(async (tx) => {
    // Under the survey's lock: two strays arriving together get one re-ask between them.
    const locked = await findSurveyRow(tx, survey.id, true);
    const [message] = await tx<{ id: string; created: boolean }[]>`
      insert into messages (ticket_id, channel, direction, provider_id, status, from_address, to_address, body_text, metadata)
      values (${survey.ticketId}, 'sms', 'inbound', ${contact.providerId}, 'received', ${phone}, ${contact.to}, ${contact.text},
              ${tx.json({ ...(contact.metadata ?? {}), surveyId: survey.id, surveyAnswer: STRAY_REPLY } as never)})
      on conflict (channel, provider_id) do update set updated_at = messages.updated_at
      returning id, (xmax = 0) as created`;
    if (!message.created || !locked || !takesAnswers(locked) || locked.step !== 'second')
      return { messageId: message.id, created: message.created, reaskId: null };
    const [asked] = await tx`
      select 1 from messages where ticket_id = ${survey.ticketId} and direction = 'outbound'
        and metadata ->> 'surveyId' = ${survey.id} and metadata ->> 'surveyStep' = ${REASK_STEP}`;
    if (asked) {
      await tx`update surveys set step = 'done', updated_at = now() where id = ${survey.id}`;
      return { messageId: message.id, created: true, reaskId: null };
    }
    const question = fillSurveyText(locked.settings.messages[locked.locale].secondQuestion, locked);
    const [reask] = await tx<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, status, to_address, body_text, metadata)
      values (${survey.ticketId}, 'sms', 'outbound', 'queued', ${phone}, ${`${SORRY[locked.locale]} ${question}`.trim()},
              ${tx.json({ surveyId: survey.id, surveyStep: REASK_STEP } as never)})
      returning id`;
    return { messageId: message.id, created: true, reaskId: reask.id };
  });
  // After commit: the re-ask's row is queued, so a lost job is sent by the outbound sweep.
  if (outcome.reaskId) await queueSend(ctx, outcome.reaskId);
  if (outcome.created) await publishTicketChanged(ctx, survey.ticketId);
  return {
    messageId: outcome.messageId,
    ticketId: survey.ticketId,
    customerId: survey.customerId,
    created: outcome.created,
    newTicket: false,
  };
}
