import { parseInboundSms, type TwilioSmsParams } from '../../channels/sms/parseInboundSms';
import { smsKeyword } from '../../channels/sms/smsKeywords';
import type { AppContext } from '../context';
import { publishCustomerChanged } from '../customers/customerEvents';
import { callerIdentity } from '../intake/contactIdentity';
import { intakeContact } from '../intake/intakeContact';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { takeSmsSurveyReply } from '../surveys/smsSurveyReply';
import { setSmsOptOut } from './smsOptOut';

/**
 * An SMS from Twilio's webhook. An ordinary text goes to intake. STOP / START / HELP are requests about the
 * subscription: stored on the conversation (without opening a ticket or paging an agent) and applied to the
 * number — opted out, opted back in, or help recorded — once per MessageSid.
 */
export async function receiveSms(ctx: AppContext, params: TwilioSmsParams) {
  const contact = parseInboundSms(params);
  // STOP from a short code or a sender ID has no number to opt out: it is kept as an ordinary text.
  const keyword = callerIdentity(contact.from.value, ctx.config.DEFAULT_PHONE_REGION) ? smsKeyword(contact.text) : null;
  // A reply to a survey awaiting its answer is that answer: it never opens a ticket or pages an agent. An opt-out
  // always wins; another keyword is taken only as a yes or no ("YES" is Twilio's START too).
  const surveyAnswer = keyword === 'stop' ? null : await takeSmsSurveyReply(ctx, contact, keyword);
  if (surveyAnswer) return surveyAnswer;
  const stored = await intakeContact(ctx, { ...contact, noticeOnly: keyword !== null });
  if (!keyword) return stored;
  const changed = await ctx.sql.begin(async (tx) => {
    const [phone] = await tx<{ value: string }[]>`
      select i.value from customer_identities i join messages m on m.from_address = i.value
      where m.id = ${stored.messageId} and i.kind = 'phone'`;
    const [fresh] = await tx`
      insert into sms_keyword_events (phone, keyword, message_sid) values (${phone.value}, ${keyword}, ${contact.providerId})
      on conflict (message_sid) do nothing returning id`;
    if (!fresh || keyword === 'help') return false;
    await setSmsOptOut(tx, phone.value, keyword === 'stop');
    return true;
  });
  // After commit, so consoles re-reading the customer or the ticket see the new opt-out state.
  if (changed) {
    await publishCustomerChanged(ctx, [stored.customerId]);
    await publishTicketChanged(ctx, stored.ticketId);
  }
  return stored;
}
