import { writeAudit } from '../commands/writeAudit';
import type { TransactionSql } from '../db/client';

const E164 = /^\+[1-9][0-9]{6,14}$/;

export interface ReturnVisitTarget {
  ticketId: string;
  ticketNumber: number | string;
  customerId: string;
  queueId: string | null;
}

/**
 * A callback to the customer in the ticket's queue, due at `dueAt`: a voice ticket held back from routing until then
 * and offered like any contact (the same rows voice/callbacks.ts scheduleCallback writes). Null without a number.
 */
export async function openReturnCallback(
  tx: TransactionSql,
  target: ReturnVisitTarget,
  input: { phone: string | null; dueAt: Date; note: string; actorUserId: string | null; maxAttempts: number },
): Promise<{ callbackId: string; ticketId: string } | null> {
  const phone = input.phone && E164.test(input.phone) ? input.phone : await customerPhone(tx, target.customerId);
  if (!phone) return null;
  const [ticket] = await tx<{ id: string }[]>`
    insert into tickets (customer_id, channel, subject, status, queue_id, queued_at, waiting_since, routable_after)
    values (${target.customerId}, 'voice', ${`Return visit (回访) for #${target.ticketNumber}: call ${phone}`}, 'new',
            ${target.queueId}, ${input.dueAt}, ${input.dueAt}, ${input.dueAt})
    returning id`;
  const [cb] = await tx<{ id: string }[]>`
    insert into callbacks (customer_id, ticket_id, queue_id, phone_number, queued_since, due_at, max_attempts, requested_by_user_id, note)
    values (${target.customerId}, ${ticket.id}, ${target.queueId}, ${phone}, ${input.dueAt}, ${input.dueAt}, ${input.maxAttempts},
            ${input.actorUserId}, ${input.note})
    returning id`;
  await writeAudit(tx, {
    actorUserId: input.actorUserId,
    action: 'callback.scheduled',
    entityType: 'ticket',
    entityId: ticket.id,
    data: { phone, dueAt: input.dueAt.toISOString(), callbackId: cb.id, returnVisitFor: target.ticketId },
  });
  return { callbackId: cb.id, ticketId: ticket.id };
}

/** A follow-up ticket in the queue, on the same channel, carrying why as an internal note. */
export async function openFollowUpTicket(
  tx: TransactionSql,
  target: ReturnVisitTarget & { channel: string },
  note: string,
): Promise<string> {
  const [ticket] = await tx<{ id: string }[]>`
    insert into tickets (customer_id, channel, subject, status, queue_id, queued_at, waiting_since)
    values (${target.customerId}, ${target.channel}, ${`Return visit (回访) for #${target.ticketNumber}`}, 'new',
            ${target.queueId}, now(), now())
    returning id`;
  await tx`
    insert into messages (ticket_id, channel, direction, status, body_text)
    values (${ticket.id}, 'note', 'internal', 'received', ${note})`;
  await writeAudit(tx, {
    actorUserId: null,
    action: 'ticket.created',
    entityType: 'ticket',
    entityId: ticket.id,
    data: { returnVisitFor: target.ticketId },
  });
  return ticket.id;
}

async function customerPhone(tx: TransactionSql, customerId: string) {
  const [row] = await tx<{ value: string }[]>`
    select value from customer_identities where customer_id = ${customerId} and kind = 'phone' order by created_at limit 1`;
  return row?.value ?? null;
}
