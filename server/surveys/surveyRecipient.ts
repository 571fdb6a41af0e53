import { isWithheldCallerId } from '../../channels/voice/withheldCallerId';
import type { TransactionSql } from '../db/client';
import type { SurveySkipReason } from '../http/surveyApiTypes';

// Addresses that by convention read nothing (the same list the email acknowledgement keeps to).
const UNATTENDED_LOCAL_PARTS = new Set([
  'mailer-daemon',
  'postmaster',
  'noreply',
  'no-reply',
  'donotreply',
  'do-not-reply',
]);
const E164 = /^\+[1-9][0-9]{6,14}$/;

export type Recipient = { to: string } | { skip: SurveySkipReason };

/**
 * Where a survey about a ticket goes on a channel, or why it must not go at all: never to an automated sender (an
 * auto-reply, a list, a no-reply address, an SMS short code), a number that texted STOP, or a caller who withheld
 * their number; nowhere when the customer has no address on that channel.
 */
export async function surveyRecipient(
  tx: TransactionSql,
  ticketId: string,
  channel: 'sms' | 'email' | 'voice',
): Promise<Recipient> {
  const [t] = await tx<
    {
      customerId: string;
      ticketChannel: string;
      lastFrom: string | null;
      automated: boolean;
      callerNumber: string | null;
    }[]
  >`
    select t.customer_id, t.channel as ticket_channel,
      (select m.from_address from messages m where m.ticket_id = t.id and m.direction = 'inbound' and m.channel = ${channel}
        order by m.created_at desc limit 1) as last_from,
      exists (select 1 from messages m where m.ticket_id = t.id and m.direction = 'inbound'
        and m.metadata ->> 'automated' is not null) as automated,
      (select c.from_number from calls c where c.ticket_id = t.id and c.direction = 'inbound' order by c.created_at limit 1) as caller_number
    from tickets t where t.id = ${ticketId}`;
  if (!t) return { skip: 'no_address' };
  if (t.automated) return { skip: 'automated_sender' };
  if (channel === 'email') {
    const to = t.lastFrom ?? (await identity(tx, t.customerId, 'email'));
    if (!to) return { skip: 'no_address' };
    return UNATTENDED_LOCAL_PARTS.has(to.slice(0, to.lastIndexOf('@'))) ? { skip: 'automated_sender' } : { to };
  }
  // A phone ticket's caller who withheld their number asked not to be reached on it.
  if (t.ticketChannel === 'voice' && t.callerNumber && isWithheldCallerId(t.callerNumber))
    return { skip: 'withheld_caller' };
  const to =
    t.lastFrom ??
    (t.callerNumber && E164.test(t.callerNumber) ? t.callerNumber : null) ??
    (await identity(tx, t.customerId, 'phone'));
  if (!to) return { skip: 'no_address' };
  // A short code or an alphanumeric sender ID is a machine.
  if (!E164.test(to)) return { skip: 'automated_sender' };
  if (channel === 'sms') {
    const [optOut] =
      await tx`select 1 from customer_identities where kind = 'phone' and value = ${to} and sms_opted_out_at is not null`;
    if (optOut) return { skip: 'opted_out' };
  }
  return { to };
}

async function identity(tx: TransactionSql, customerId: string, kind: 'phone' | 'email') {
  const [row] = await tx<{ value: string }[]>`
    select value from customer_identities where customer_id = ${customerId} and kind = ${kind} order by created_at limit 1`;
  return row?.value ?? null;
}
