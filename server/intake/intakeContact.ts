import { randomUUID } from 'node:crypto';
import type { InboundContact } from '../../channels/inboundContact';
import { auditInsert, writeAudit, type AuditEntry } from '../commands/writeAudit';
import type { AppContext } from '../context';
import type { SqlFragment, TransactionSql } from '../db/client';
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

type StoredRow = { messageId: string | null } & KnownWatchers & TicketClockFacts;

/**
 * The writes of one contact, in as few round trips as the rules allow: under load the cost of intake is its
 * statements. A new customer's first contact is one statement: the customer, their identity, the ticket, the message
 * and the audit entries. A customer created here cannot have tickets or be locked by anyone else yet, and a new
 * ticket has no offers to withdraw, so those reads are skipped for them.
 */
async function storeContact(
  tx: TransactionSql,
  contact: InboundContact,
  identity: string | null,
  origin: IntakeOrigin,
): Promise<IntakeResult & { watchers: TicketWatchers; clockFacts: TicketClockFacts }> {
  const newTicketId = randomUUID();
  const ticketCreated = byCustomer('ticket.created', 'ticket', newTicketId, {
    channel: contact.channel,
    ...(contact.noticeOnly ? { noticeOnly: true } : {}),
  });
  const store = (ticket: SqlFragment, audits: AuditEntry[]) =>
    storeMessage(tx, contact, identity, origin, ticket, audits);
  let customerId: string;
  let threadId: string | null = null;
  let row: StoredRow | undefined;
  if (identity === null) {
    const audits: AuditEntry[] = [];
    customerId = await createUnidentifiedCaller(tx, contact, audits);
    row = await store(newTicket(tx, contact, newTicketId, tx`${customerId}::uuid`), [...audits, ticketCreated]);
  } else {
    const first = await storeFirstContact(tx, contact, identity, origin, newTicketId, ticketCreated);
    customerId = first.customerId;
    row = first.stored;
    if (!first.stored) {
      customerId = await lockCustomer(tx, customerId);
      threadId = await findThreadTicket(tx, customerId, contact);
      if (threadId && !contact.noticeOnly) await rejoinTicket(tx, threadId, contact);
      row = threadId
        ? await store(
            tx`update tickets set updated_at = now() where id = ${threadId} returning ${ticketReturning(tx)}`,
            [],
          )
        : await store(newTicket(tx, contact, newTicketId, tx`${customerId}::uuid`), [ticketCreated]);
    }
  }
  if (!row?.messageId) throw new DuplicateContact();
  if (origin.storeFiles) await origin.storeFiles(tx);
  for (const a of contact.attachments ?? []) {
    await tx`insert into message_attachments (message_id, filename, content_type, size_bytes, location)
             values (${row.messageId}, ${a.filename}, ${a.contentType}, ${a.sizeBytes}, ${a.location})`;
  }
  const { messageId, assigneeId, queueId, teamId, ...clockFacts } = row;
  return {
    messageId,
    ticketId: threadId ?? newTicketId,
    customerId,
    created: true,
    newTicket: !threadId,
    watchers: { assigneeId, queueId, teamId },
    clockFacts: { ...clockFacts, queueId },
  };
}

/**
 * A new ticket for the contact of the customer `customerId` names, waiting in the queue the channel chose, else in
 * the channel's entry queue (a notice waits nowhere); inserted only when `where` holds, if given.
 */
function newTicket(
  tx: TransactionSql,
  contact: InboundContact,
  ticketId: string,
  customerId: SqlFragment,
  where: SqlFragment = tx``,
) {
  const subject = contact.subject?.trim() || firstLine(contact.text);
  return tx`
    insert into tickets (id, customer_id, channel, subject, search_vector, status, resolved_at, queue_id, queued_at, waiting_since)
    select ${ticketId}, ${customerId}, ${contact.channel}, ${subject}, ${searchVector(tx, subject)},
      ${contact.noticeOnly ? 'resolved' : 'new'}, ${contact.noticeOnly ? tx`now()` : null},
      q.id, case when q.id is not null then now() end, case when q.id is not null then now() end
    from (select case when ${contact.noticeOnly ?? false} then null
                 else coalesce(${contact.queueId ?? null}::uuid, ${entryQueueQuery(tx, contact.channel)}) end as id) q
    ${where}
    returning ${ticketReturning(tx)}`;
}

/**
 * The ticket statement (`ticket`), the message and the audit entries, as a statement's common table expressions: the
 * ticket, the message and its audit entries are written in one statement, since under load intake costs its round
 * trips. The message is not stored again when its provider id was (a redelivery).
 */
function messageCtes(
  tx: TransactionSql,
  contact: InboundContact,
  identity: string | null,
  origin: IntakeOrigin,
  ticket: SqlFragment,
  audits: AuditEntry[],
) {
  return tx`
    ticket as (${ticket}),
    message as (
      insert into messages (ticket_id, channel, direction, provider_id, status, from_address, to_address, subject, body_text, body_html, metadata, mailbox_id, from_header, search_vector)
      select ticket.id, ${contact.channel}, 'inbound', ${contact.providerId}, 'received', ${identity}, ${contact.to},
             ${contact.subject ?? null}, ${contact.text}, ${contact.html ?? null}, ${tx.json((contact.metadata ?? {}) as never)}, ${origin.mailboxId ?? null},
             ${contact.fromHeader ?? null}, ${searchVector(tx, contact.subject, contact.text)}
      from ticket
      on conflict (channel, provider_id) do nothing
      returning id
    ), audited as (${auditInsert(tx, audits, tx`where exists (select 1 from message)`)})`;
}

/** What those expressions answer: the message's id, who watches the ticket and the facts its SLA clocks need. */
const storedRow = (tx: TransactionSql, customers: SqlFragment) => tx`
  select (select id from message) as message_id, t.assignee_id, q.team_id, ${ticketClockFactsColumns(tx)}
  from ticket t join ${customers} c on c.id = t.customer_id left join queues q on q.id = t.queue_id`;

/** The message on the ticket `ticket` inserts or updates, for a customer already stored. */
async function storeMessage(
  tx: TransactionSql,
  contact: InboundContact,
  identity: string | null,
  origin: IntakeOrigin,
  ticket: SqlFragment,
  audits: AuditEntry[],
): Promise<StoredRow | undefined> {
  const [row] = await tx<StoredRow[]>`
    with ${messageCtes(tx, contact, identity, origin, ticket, audits)}
    ${storedRow(tx, tx`customers`)}`;
  return row;
}

/**
 * A contact from an identity no customer has yet, stored whole in one statement: the customer created with the
 * identity, a new ticket, the message and the audit entries (`stored`). From a known identity it stores nothing and
 * names the customer. Claiming the identity waits for a concurrent transaction creating the same one; if that one
 * won, the customer created here is removed and the winner named. A named customer's contact is then stored as any
 * known customer's is.
 */
async function storeFirstContact(
  tx: TransactionSql,
  contact: InboundContact,
  identity: string,
  origin: IntakeOrigin,
  ticketId: string,
  ticketCreated: AuditEntry,
): Promise<{ customerId: string; stored?: StoredRow }> {
  const kind = contact.from.kind;
  const newCustomerId = randomUUID();
  const customerCreated = byCustomer('customer.created', 'customer', newCustomerId, { [kind]: identity });
  // The new customer's row is read from the `customer` expression: rows a statement inserts are not in its snapshot.
  const ticket = newTicket(
    tx,
    contact,
    ticketId,
    tx`(select customer_id from claim)`,
    tx`where exists (select 1 from claim)`,
  );
  const [row] = await tx<({ knownId: string | null; claimed: boolean } & StoredRow)[]>`
    with known as (select customer_id from customer_identities where kind = ${kind} and value = ${identity}),
      customer as (
        insert into customers (id, name) select ${newCustomerId}, ${contact.from.name?.trim() || null}
        where not exists (select 1 from known) returning id, tags),
      claim as (
        insert into customer_identities (customer_id, kind, value) select id, ${kind}, ${identity} from customer
        on conflict (kind, value) do nothing returning customer_id),
      ${messageCtes(tx, contact, identity, origin, ticket, [customerCreated, ticketCreated])}
    select (select customer_id from known) as known_id, exists (select 1 from claim) as claimed, s.*
    from (select) one left join (${storedRow(tx, tx`customer`)}) s on true`;
  if (row.knownId) return { customerId: row.knownId };
  if (row.claimed) return { customerId: newCustomerId, stored: row };
  await tx`delete from customers where id = ${newCustomerId}`;
  const [winner] = await tx<
    { customerId: string }[]
  >`select customer_id from customer_identities where kind = ${kind} and value = ${identity}`;
  return { customerId: winner.customerId };
}

/** An audit entry for what the customer's contact did. */
const byCustomer = (
  action: string,
  entityType: string,
  entityId: string,
  data: Record<string, unknown>,
): AuditEntry => ({
  actorUserId: null,
  actorKind: 'customer',
  action,
  entityType,
  entityId,
  data,
});

/** What intake's ticket statement returns of the ticket: who watches it, and what its SLA clocks need. */
const ticketReturning = (tx: TransactionSql) =>
  tx`id, queue_id, assignee_id, customer_id, status, priority, channel, created_at, sla_policy_id`;

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
  audits.push(
    byCustomer(
      'customer.created',
      'customer',
      id,
      contact.channel === 'voice' ? { callerId: contact.from.value } : { sender: name },
    ),
  );
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
    await writeAudit(tx, byCustomer('ticket.status_changed', 'ticket', ticketId, { from: t.status, to: 'open' }));
  }
  if (!t.assigneeId && !t.queueId)
    await enqueueTicket(tx, ticketId, contact.queueId ?? (await entryQueueFor(tx, contact.channel)));
}

/** contact.received: after commit, tell the ticket's watchers and ask routing for an agent. */
async function publishContactReceived(ctx: AppContext, result: IntakeResult, watchers: TicketWatchers) {
  await publishTicketChanged(ctx, result.ticketId, watchers ?? undefined);
  await kickRouting(ctx);
}
