import { parseInboundSms, type TwilioSmsParams } from '../../channels/sms/parseInboundSms';
import { smsKeyword, type SmsKeyword } from '../../channels/sms/smsKeywords';
import type { InboundContact } from '../../channels/inboundContact';
import type { TransactionSql } from '../db/client';
import type { AppContext } from '../context';
import { publishCustomerChanged } from '../customers/customerEvents';
import { callerIdentity } from '../intake/contactIdentity';
import { intakeContact, IntakeWithdrawn, type IntakeResult } from '../intake/intakeContact';
import { publishTicketChanged } from '../tickets/ticketEvents';
import {
  lookUpSurveyReply,
  mayBeSurveyReply,
  takeSmsSurveyReply,
  type SurveyReplyLookup,
} from '../surveys/smsSurveyReply';
import { setSmsOptOut } from './smsOptOut';

/**
 * An SMS from Twilio's webhook. An ordinary text goes to intake. STOP / START / HELP are requests about the
 * subscription: stored on the conversation (without opening a ticket or paging an agent) and applied to the
 * number — opted out, opted back in, or help recorded — once per MessageSid.
 */
export async function receiveSms(ctx: AppContext, params: TwilioSmsParams) {
  const contact = parseInboundSms(params);
  const phone = callerIdentity(contact.from.value, ctx.config.DEFAULT_PHONE_REGION);
  // STOP from a short code or a sender ID has no number to opt out: it is kept as an ordinary text.
  const keyword = phone ? smsKeyword(contact.text) : null;
  const { stored, surveyAnswer } = await storeText(ctx, contact, keyword, phone);
  if (surveyAnswer || !keyword) return stored;
  const changed = await ctx.sql.begin(async (tx) => {
    const [number] = await tx<{ value: string }[]>`
      select i.value from customer_identities i join messages m on m.from_address = i.value
      where m.id = ${stored.messageId} and i.kind = 'phone'`;
    const [fresh] = await tx`
      insert into sms_keyword_events (phone, keyword, message_sid) values (${number.value}, ${keyword}, ${contact.providerId})
      on conflict (message_sid) do nothing returning id`;
    if (!fresh || keyword === 'help') return false;
    await setSmsOptOut(tx, number.value, keyword === 'stop');
    return true;
  });
  // After commit, so consoles re-reading the customer or the ticket see the new opt-out state.
  if (changed) {
    await publishCustomerChanged(ctx, [stored.customerId]);
    await publishTicketChanged(ctx, stored.ticketId);
  }
  return stored;
}

/**
 * A reply to a survey awaiting its answer is that answer: it never opens a ticket or pages an agent. An opt-out
 * always wins; another keyword is taken only as a yes or no ("YES" is Twilio's START too). Whether a survey awaits
 * is read with intake's first statements, in its transaction: nearly every text is no survey's answer.
 */
async function storeText(
  ctx: AppContext,
  contact: InboundContact,
  keyword: SmsKeyword | null,
  phone: string | null,
): Promise<{ stored: IntakeResult; surveyAnswer: boolean }> {
  const asContact = { ...contact, noticeOnly: keyword !== null };
  if (keyword === 'stop' || !phone) return { stored: await intakeContact(ctx, asContact), surveyAnswer: false };
  let lookup: SurveyReplyLookup | undefined;
  const withdrawIf = async (tx: TransactionSql) =>
    mayBeSurveyReply((lookup = await lookUpSurveyReply(tx, contact, phone)));
  try {
    return { stored: await intakeContact(ctx, asContact, { withdrawIf }), surveyAnswer: false };
  } catch (err) {
    if (!(err instanceof IntakeWithdrawn)) throw err;
  }
  const surveyAnswer = await takeSmsSurveyReply(ctx, contact, keyword, phone, lookup!);
  if (surveyAnswer) return { stored: surveyAnswer, surveyAnswer: true };
  return { stored: await intakeContact(ctx, asContact), surveyAnswer: false };
}
