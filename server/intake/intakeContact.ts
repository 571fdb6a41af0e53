import type { InboundContact } from '../../channels/inboundContact';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { enqueueTicket, entryQueueFor } from '../routing/enqueueTicket';
import { kickRouting } from '../routing/routingTasks';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { contactIdentity, unidentifiedCallerName } from './contactIdentity';
import { firstLine } from './firstLine';
import { findThreadTicket } from './threadingRules';

export interface IntakeResult {
  messageId: string;
  ticketId: string;
  customerId: string;
  /** False when this provider id was stored before: nothing changed. */
  created: boolean;
  newTicket: boolean;
}

class DuplicateContact extends Error {}

/**
 * The one entry for every inbound contact. In one transaction: find or create the customer by identity,
 * thread into the ticket the channel's rule picks or open a new one, and store the message unique on its
 * provider id. A redelivered contact returns the stored message and changes nothing. After commit:
 * contact.received — the ticket's watchers are told and routing looks for an agent.
 */
/** Where the contact arrived, when the server knows more than the channel does (the mailbox a mail came to). */
export interface IntakeOrigin {
  mailboxId?: string;
}

export async function intakeContact(ctx: AppContext, contact: InboundContact, origin: IntakeOrigin = {}): Promise<IntakeResult> {
  const identity = contactIdentity(contact, ctx.config.DEFAULT_PHONE_REGION);
  const stored = await findStored(ctx, contact);
  if (stored) return stored;
  try {
    const result = await ctx.sql.begin((tx) => storeContact(tx, contact, identity, origin));
    await publishContactReceived(ctx, result);
    return result;
  } catch (err) {
    // A concurrent delivery of the same provider id won the race; ours was rolled back whole.
    if (err instanceof DuplicateContact) return (await findStored(ctx, contact))!;
    throw err;
  }
}

async function findStored(ctx: AppContext, contact: InboundContact): Promise<IntakeResult | null> {
  const [row] = await ctx.sql<{ id: string; ticketId: string; customerId: string }[]>`
    select m.id, m.ticket_id, t.customer_id from messages m join tickets t on t.id = m.ticket_id
    where m.channel = ${contact.channel} and m.provider_id = ${contact.providerId}`;
  return row ? { messageId: row.id, ticketId: row.ticketId, customerId: row.customerId, created: false, newTicket: false } : null;
}

async function storeContact(tx: TransactionSql, contact: InboundContact, identity: string | null, origin: IntakeOrigin): Promise<IntakeResult> {
  const customerId = await lockCustomer(tx, await findOrCreateCustomer(tx, contact, identity));
  let ticketId = await findThreadTicket(tx, customerId, contact);
  const newTicket = !ticketId;
  if (ticketId) {
    if (!contact.noticeOnly) await rejoinTicket(tx, ticketId, contact);
  } else {
    const subject = contact.subject?.trim() || firstLine(contact.text);
    const status = contact.noticeOnly ? 'resolved' : 'new';
    [{ id: ticketId }] = await tx<{ id: string }[]>`
      insert into tickets (customer_id, channel, subject, status, resolved_at)
      values (${customerId}, ${contact.channel}, ${subject}, ${status}, ${contact.noticeOnly ? tx`now()` : null}) returning id`;
    await writeAudit(tx, { actorUserId: null, actorKind: 'customer', action: 'ticket.created', entityType: 'ticket', entityId: ticketId, data: { channel: contact.channel, ...(contact.noticeOnly ? { noticeOnly: true } : {}) } });
    if (!contact.noticeOnly) await enqueueTicket(tx, ticketId, contact.queueId ?? (await entryQueueFor(tx, contact.channel)));
  }
  const [message] = await tx<{ id: string }[]>`
    insert into messages (ticket_id, channel, direction, provider_id, status, from_address, to_address, subject, body_text, body_html, metadata, mailbox_id)
    values (${ticketId!}, ${contact.channel}, 'inbound', ${contact.providerId}, 'received', ${identity}, ${contact.to},
            ${contact.subject ?? null}, ${contact.text}, ${contact.html ?? null}, ${tx.json((contact.metadata ?? {}) as never)}, ${origin.mailboxId ?? null})
    on conflict (channel, provider_id) do nothing
    returning id`;
  if (!message) throw new DuplicateContact();
  for (const a of contact.attachments ?? []) {
    await tx`insert into message_attachments (message_id, filename, content_type, size_bytes, location)
             values (${message.id}, ${a.filename}, ${a.contentType}, ${a.sizeBytes}, ${a.location})`;
  }
  await tx`update tickets set updated_at = now() where id = ${ticketId!}`;
  return { messageId: message.id, ticketId: ticketId!, customerId, created: true, newTicket };
}

async function findOrCreateCustomer(tx: TransactionSql, contact: InboundContact, identity: string | null): Promise<string> {
  if (identity === null) return createUnidentifiedCaller(tx, contact);
  const kind = contact.from.kind;
  const [known] = await tx<{ customerId: string }[]>`select customer_id from customer_identities where kind = ${kind} and value = ${identity}`;
  if (known) return known.customerId;
  const [{ id }] = await tx<{ id: string }[]>`insert into customers (name) values (${contact.from.name?.trim() || null}) returning id`;
  // Waits for a concurrent transaction creating the same identity; if it won, use its customer instead.
  const [claimed] = await tx`
    insert into customer_identities (customer_id, kind, value) values (${id}, ${kind}, ${identity})
    on conflict (kind, value) do nothing returning id`;
  if (claimed) {
    await writeAudit(tx, { actorUserId: null, actorKind: 'customer', action: 'customer.created', entityType: 'customer', entityId: id, data: { [kind]: identity } });
    return id;
  }
  await tx`delete from customers where id = ${id}`;
  const [winner] = await tx<{ customerId: string }[]>`select customer_id from customer_identities where kind = ${kind} and value = ${identity}`;
  return winner.customerId;
}

/** A caller with no usable number: a customer of their own, named for it, found by no later contact. */
async function createUnidentifiedCaller(tx: TransactionSql, contact: InboundContact): Promise<string> {
  const name = contact.from.name?.trim() || unidentifiedCallerName(contact.from.value);
  const [{ id }] = await tx<{ id: string }[]>`insert into customers (name) values (${name}) returning id`;
  await writeAudit(tx, { actorUserId: null, actorKind: 'customer', action: 'customer.created', entityType: 'customer', entityId: id, data: { callerId: contact.from.value } });
  return id;
}

/**
 * One contact of a customer at a time: two first messages arriving together must not open two tickets.
 * If a merge committed while we waited for the lock, the contact belongs to the survivor.
 */
async function lockCustomer(tx: TransactionSql, customerId: string): Promise<string> {
  const [row] = await tx<{ mergedIntoId: string | null }[]>`select merged_into_id from customers where id = ${customerId} for update`;
  return row.mergedIntoId ? lockCustomer(tx, row.mergedIntoId) : customerId;
}

/** A customer writing again reopens a resolved ticket, and a ticket nobody holds goes back to waiting. */
async function rejoinTicket(tx: TransactionSql, ticketId: string, contact: InboundContact) {
  const [t] = await tx<{ status: string; assigneeId: string | null; queueId: string | null }[]>`
    select status, assignee_id, queue_id from tickets where id = ${ticketId} for update`;
  if (t.status === 'resolved' || t.status === 'pending') {
    await tx`update tickets set status = 'open', resolved_at = null where id = ${ticketId}`;
    await writeAudit(tx, { actorUserId: null, actorKind: 'customer', action: 'ticket.status_changed', entityType: 'ticket', entityId: ticketId, data: { from: t.status, to: 'open' } });
  }
  if (!t.assigneeId && !t.queueId) await enqueueTicket(tx, ticketId, contact.queueId ?? (await entryQueueFor(tx, contact.channel)));
}

/** contact.received: after commit, tell the ticket's watchers and ask routing for an agent. */
async function publishContactReceived(ctx: AppContext, result: IntakeResult) {
  await publishTicketChanged(ctx, result.ticketId);
  await kickRouting(ctx);
}
