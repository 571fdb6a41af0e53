import type { InboundContact } from '../../channels/inboundContact';
import type { TransactionSql } from '../db/client';

/**
 * Which open ticket a new contact joins, per channel; null opens a new ticket.
 * SMS: the customer's unclosed SMS ticket. Email: the ticket of a message it replies to, else the ticket
 * number quoted in its subject — only the customer's own: a number in a subject is a claim anyone can type.
 * Voice: every call is its own ticket.
 */
export async function findThreadTicket(
  tx: TransactionSql,
  customerId: string,
  contact: InboundContact,
): Promise<string | null> {
  if (contact.channel === 'sms') {
    const [row] = await tx<{ id: string }[]>`
      select id from tickets
      where customer_id = ${customerId} and channel = 'sms' and status <> 'closed'
      order by updated_at desc limit 1`;
    return row?.id ?? null;
  }
  if (contact.channel === 'email') {
    const ids = contact.replyTo?.providerIds ?? [];
    if (ids.length) {
      const [row] = await tx<{ ticketId: string }[]>`
        select m.ticket_id from messages m join tickets t on t.id = m.ticket_id
        where m.channel = 'email' and m.provider_id in ${tx(ids)} and t.status <> 'closed'
        order by m.created_at desc limit 1`;
      if (row) return row.ticketId;
    }
    if (contact.replyTo?.ticketNumber) {
      const [row] = await tx<{ id: string }[]>`
        select id from tickets
        where number = ${contact.replyTo.ticketNumber} and channel = 'email' and status <> 'closed' and customer_id = ${customerId}`;
      if (row) return row.id;
    }
  }
  return null;
}
