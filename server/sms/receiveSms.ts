import { parseInboundSms, type TwilioSmsParams } from '../../channels/sms/parseInboundSms';
import { smsKeyword } from '../../channels/sms/smsKeywords';
import type { AppContext } from '../context';
import { intakeContact } from '../intake/intakeContact';
import { setSmsOptOut } from './smsOptOut';

/**
 * An SMS from Twilio's webhook. An ordinary text goes to intake. STOP / START / HELP are requests about the
 * subscription: stored on the conversation (without opening a ticket or paging an agent) and applied to the
 * number — opted out, opted back in, or help recorded — once per MessageSid.
 */
export async function receiveSms(ctx: AppContext, params: TwilioSmsParams) {
  const contact = parseInboundSms(params);
  const keyword = smsKeyword(contact.text);
  const stored = await intakeContact(ctx, { ...contact, noticeOnly: keyword !== null });
  if (!keyword) return stored;
  await ctx.sql.begin(async (tx) => {
    const [phone] = await tx<{ value: string }[]>`
      select i.value from customer_identities i join messages m on m.from_address = i.value
      where m.id = ${stored.messageId} and i.kind = 'phone'`;
    const [fresh] = await tx`
      insert into sms_keyword_events (phone, keyword, message_sid) values (${phone.value}, ${keyword}, ${contact.providerId})
      on conflict (message_sid) do nothing returning id`;
    if (fresh && keyword !== 'help') await setSmsOptOut(tx, phone.value, keyword === 'stop');
  });
  return stored;
}
