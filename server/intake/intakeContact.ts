import { randomUUID } from 'node:crypto';
import type { InboundContact } from '../../channels/inboundContact';
import { auditInsert, writeAudit, type AuditEntry } from '../commands/writeAudit';
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { pipelinedTransaction } from '../db/pipelinedTransaction';
import { enqueueTicket, entryQueueFor, entryQueueQuery } from '../routing/enqueueTicket';
import { kickRouting } from '../routing/routingTasks';
import { searchVector } from '../search/searchVector';
import { slaOnCustomerMessage } from '../sla/slaHooks';
import { ticketClockFactsColumns, type TicketClockFacts } from '../sla/ticketClocks';
import { publishTicketChanged, type TicketWatchers as KnownWatchers } from '../tickets/ticketEvents';
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

/** Intake gave the contact back, untouched: its `withdrawIf` read said it is something else (a survey's answer). */
export class IntakeWithdrawn extends Error {}

/** Who watches a ticket this intake opened (known from the insert), or null to read them after commit. */
type TicketWatchers = KnownWatchers | null;

/**
 * The one entry for every inbound contact. In one transaction: find or create the customer by identity,
 * thread into the ticket the channel's rule picks or open a new one, and store the message unique on its
 * provider id. A redelivered contact returns the stored message and changes nothing. After commit:
 * contact.received — the ticket's watchers are told and routing looks for an agent.
 */
/** Where the contact arrived, when the server knows more than the channel does (the mailbox a mail came to). */
export interface IntakeOrigin {
  mailboxId?: string;
  /** Writes the files the contact's attachments name, in intake's transaction: they commit with the message or not at all. */
  storeFiles?: (tx: TransactionSql) => Promise<void>;
  /**
   * A read sent with intake's first statements, in its transaction: when it answers true, intake rolls back whole
   * and throws IntakeWithdrawn. A check that nearly always says "go on" costs no round trip of its own this way.
   */
  withdrawIf?: (tx: TransactionSql) => Promise<boolean>;
}

export async function intakeContact(
  ctx: AppContext,
  contact: InboundContact,
  origin: IntakeOrigin = {},
): Promise<IntakeResult> {
  const identity = contactIdentity(contact, ctx.config.DEFAULT_PHONE_REGION);
  try {
    const { watchers, ...result } = await pipelinedTransaction(ctx.sql, async (tx) => {
      // Both settle before anything is decided: no statement of either may run after the rollback.
      const [withdraw, storing] = await Promise.allSettled([
        origin.withdrawIf?.(tx) ?? false,
        storeContact(tx, contact, identity, origin),
      ]);
      if (withdraw.status === 'rejected') throw withdraw.reason;
      if (withdraw.value) throw new IntakeWithdrawn();
      if (storing.status === 'rejected') throw storing.reason;
      const { clockFacts, ...stored } = storing.value;
      // A notice (an opt-out keyword) asks for no answer; mail flagged automated starts no clock.
      if (!contact.noticeOnly)
        await slaOnCustomerMessage(ctx, tx, stored.ticketId, Boolean(contact.metadata?.automated), clockFacts);
      return stored;
    });
    await publishContactReceived(ctx, result, watchers);
    return result;
  } catch (err) {
    // Stored before (a redelivery), or a concurrent delivery of the same provider id won the race: ours was
    // rolled back whole. Redeliveries are rare, so they pay this read rather than every new contact.
    if (err instanceof DuplicateContact) return (await findStored(ctx, contact))!;
    throw err;
  }
}

async function findStored(ctx: AppContext, contact: InboundContact): Promise<IntakeResult | null> {
  const [row] = await ctx.sql<{ id: string; ticketId: string; customerId: string }[]>`
    select m.id, m.ticket_id, t.customer_id from messages m join tickets t on t.id = m.ticket_id
    where m.channel = ${contact.channel} and m.provider_id = ${contact.providerId}`;
  return row
    ? { messageId: row.id, ticketId: row.ticketId, customerId: row.customerId, created: false, newTicket: false }
    : null;
}

/**
 * The writes of one contact, in as few round trips as the rules allow: under load the cost of intake is its
 * statements. A customer created here cannot have tickets or be locked by anyone else yet, and a new ticket has
 * no offers to withdraw, so those reads are skipped for them.
 */
async function storeContact(
  tx: TransactionSql,
  contact: InboundContact,
  identity: string | null,
  origin: IntakeOrigin,
): Promise<IntakeResult & { watchers: TicketWatchers; clockFacts: TicketClockFacts }> {
  const audits: AuditEntry[] = [];
  const customer = await findOrCreateCustomer(tx, contact, identity, audits);
  const customerId = customer.created ? customer.id : await lockCustomer(tx, customer.id);
  const threadId = customer.created ? null : await findThreadTicket(tx, customerId, contact);
  if (threadId && !contact.noticeOnly) await rejoinTicket(tx, threadId, contact);
  const ticketId = threadId ?? randomUUID();
  if (!threadId) {
    audits.push({
      actorUserId: null,
      actorKind: 'customer',
      action: 'ticket.created',
      entityType: 'ticket',
      entityId: ticketId,
      data: { channel: contact.channel, ...(contact.noticeOnly ? { noticeOnly: true } : {}) },
    });
  }
  // A new ticket waits in the queue the channel chose, else in the channel's entry queue (a notice waits nowhere).
  const subject = contact.subject?.trim() || firstLine(contact.text);
  const ticket = threadId
    ? tx`update tickets set updated_at = now() where id = ${threadId} returning ${ticketReturning(tx)}`
    : tx`
        insert into tickets (id, customer_id, channel, subject, search_vector, status, resolved_at, queue_id, queued_at, waiting_since)
        select ${ticketId}, ${customerId}, ${contact.channel}, ${subject}, ${searchVector(tx, subject)},
          ${contact.noticeOnly ? 'resolved' : 'new'}, ${contact.noticeOnly ? tx`now()` : null},
          q.id, case when q.id is not null then now() end, case when q.id is not null then now() end
        from (select case when ${contact.noticeOnly ?? false} then null
                     else coalesce(${contact.queueId ?? null}::uuid, ${entryQueueQuery(tx, contact.channel)}) end as id) q
        returning ${ticketReturning(tx)}`;
  // The ticket, the message, the audit entries and the facts its SLA clocks need in one statement: under load,
  // intake costs its round trips.
  const [stored] = await tx<({ messageId: string | null } & KnownWatchers & TicketClockFacts)[]>`
    with ticket as (${ticket}),
    message as (
      insert into messages (ticket_id, channel, direction, provider_id, status, from_address, to_address, subject, body_text, body_html, metadata, mailbox_id, from_header, search_vector)
      select ticket.id, ${contact.channel}, 'inbound', ${contact.providerId}, 'received', ${identity}, ${contact.to},
             ${contact.subject ?? null}, ${contact.text}, ${contact.html ?? null}, ${tx.json((contact.metadata ?? {}) as never)}, ${origin.mailboxId ?? null},
             ${contact.fromHeader ?? null}, ${searchVector(tx, contact.subject, contact.text)}
      from ticket
      on conflict (channel, provider_id) do nothing
      returning id
    ), audited as (${auditInsert(tx, audits, tx`where exists (select 1 from message)`)})
    select (select id from message) as message_id, t.assignee_id, q.team_id, ${ticketClockFactsColumns(tx)}
    from ticket t join customers c on c.id = t.customer_id left join queues q on q.id = t.queue_id`;
  if (!stored?.messageId) throw new DuplicateContact();
  if (origin.storeFiles) await origin.storeFiles(tx);
  for (const a of contact.attachments ?? []) {
    await tx`insert into message_attachments (message_id, filename, content_type, size_bytes, location)
             values (${stored.messageId}, ${a.filename}, ${a.contentType}, ${a.sizeBytes}, ${a.location})`;
  }
  const { messageId, assigneeId, queueId, teamId, ...clockFacts } = stored;
  return {
    messageId,
    ticketId,
    customerId,
    created: true,
    newTicket: !threadId,
    watchers: { assigneeId, queueId, teamId },
    clockFacts: { ...clockFacts, queueId },
  };
}

/** What intake's ticket statement returns of the ticket: who watches it, and what its SLA clocks need. */
const ticketReturning = (tx: TransactionSql) =>
  tx`id, queue_id, assignee_id, customer_id, status, priority, channel, created_at, sla_policy_id`;

/** The customer this contact is from: found by identity, or created with it (`created`: nobody else can see it yet). */
async function findOrCreateCustomer(
  tx: TransactionSql,
  contact: InboundContact,
  identity: string | null,
  audits: AuditEntry[],
): Promise<{ id: string; created: boolean }> {
  if (identity === null) return { id: await createUnidentifiedCaller(tx, contact, audits), created: true };
  const kind = contact.from.kind;
  // Found, or created with its identity in the same statement. Claiming the identity waits for a concurrent
  // transaction creating the same one; if that one won, its customer is used instead.
  const [row] = await tx<{ id: string; known: boolean; claimed: boolean }[]>`
    with known as (select customer_id from customer_identities where kind = ${kind} and value = ${identity}),
         customer as (insert into customers (name) select ${contact.from.name?.trim() || null} where not exists (select 1 from known) returning id),
         claim as (insert into customer_identities (customer_id, kind, value) select id, ${kind}, ${identity} from customer
                   on conflict (kind, value) do nothing returning customer_id)
    select coalesce((select customer_id from known), (select id from customer)) as id,
           exists (select 1 from known) as known, exists (select 1 from claim) as claimed`;
  if (row.known) return { id: row.id, created: false };
  if (row.claimed) {
    audits.push({
      actorUserId: null,
      actorKind: 'customer',
      action: 'customer.created',
      entityType: 'customer',
      entityId: row.id,
      data: { [kind]: identity },
    });
    return { id: row.id, created: true };
  }
  await tx`delete from customers where id = ${row.id}`;
  const [winner] = await tx<
    { customerId: string }[]
  >`select customer_id from customer_identities where kind = ${kind} and value = ${identity}`;
  return { id: winner.customerId, created: false };
}

/**
 * A caller with no usable number, or a mail with no usable address: a customer of their own, named for it (a mail's
 * `from.name` is what its From header shows), found by no later contact.
 */
async function createUnidentifiedCaller(
  tx: TransactionSql,
  contact: InboundContact,
  audits: AuditEntry[],
): Promise<string> {
  const name = contact.from.name?.trim() || unidentifiedCallerName(contact.from.value);
  const [{ id }] = await tx<{ id: string }[]>`insert into customers (name) values (${name}) returning id`;
  audits.push({
    actorUserId: null,
    actorKind: 'customer',
    action: 'customer.created',
    entityType: 'customer',
    entityId: id,
    data: contact.channel === 'voice' ? { callerId: contact.from.value } : { sender: name },
  });
  return id;
}

/**
 * One contact of a customer at a time: two first messages arriving together must not open two tickets.
 * If a merge committed while we waited for the lock, the contact belongs to the survivor.
 */
async function lockCustomer(tx: TransactionSql, customerId: string): Promise<string> {
  const [row] = await tx<
    { mergedIntoId: string | null }[]
  >`select merged_into_id from customers where id = ${customerId} for update`;
  return row.mergedIntoId ? lockCustomer(tx, row.mergedIntoId) : customerId;
}

/**
 * A customer writing again reopens a resolved ticket (or one waiting on them, whose SLA clocks resume), and a ticket
 * nobody holds goes back to waiting.
 */
async function rejoinTicket(tx: TransactionSql, ticketId: string, contact: InboundContact) {
  const [t] = await tx<{ status: string; assigneeId: string | null; queueId: string | null }[]>`
    select status, assignee_id, queue_id from tickets where id = ${ticketId} for update`;
  if (t.status === 'resolved' || t.status === 'pending' || t.status === 'waiting_on_customer') {
    await tx`update tickets set status = 'open', resolved_at = null where id = ${ticketId}`;
    await writeAudit(tx, {
      actorUserId: null,
      actorKind: 'customer',
      action: 'ticket.status_changed',
      entityType: 'ticket',
      entityId: ticketId,
      data: { from: t.status, to: 'open' },
    });
  }
  if (!t.assigneeId && !t.queueId)
    await enqueueTicket(tx, ticketId, contact.queueId ?? (await entryQueueFor(tx, contact.channel)));
}

/** contact.received: after commit, tell the ticket's watchers and ask routing for an agent. */
async function publishContactReceived(ctx: AppContext, result: IntakeResult, watchers: TicketWatchers) {
  await publishTicketChanged(ctx, result.ticketId, watchers ?? undefined);
  await kickRouting(ctx);
}
