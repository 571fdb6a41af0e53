import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import type { Channel, TicketPriority } from '../http/apiTypes';
import { HttpError } from '../http/httpError';
import type { SlaPolicyInput, SlaPolicyView } from '../http/slaApiTypes';
import type { SlaPolicyInputParsed } from './slaPolicyInput';

type Tx = Sql | TransactionSql;

export type SlaPolicy = Omit<SlaPolicyView, 'createdAt' | 'updatedAt'>;

/** What a policy's match rules look at. */
export interface TicketFacts {
  queueId: string | null;
  priority: TicketPriority;
  channel: Channel;
  customerTags: string[];
}

const columns = (tx: Tx) => tx`
  id, name, position, enabled, queue_ids, priorities, channels, customer_tags, first_response_minutes,
  next_response_minutes, resolution_minutes, warn_minutes_before, warn_percent_used, quiet_hours, sms_recipients,
  email_recipients, escalation`;

export async function listSlaPolicies(sql: Tx): Promise<SlaPolicyView[]> {
  const rows = await sql<(SlaPolicy & { createdAt: Date; updatedAt: Date })[]>`
    select ${columns(sql)}, created_at, updated_at from sla_policies order by position, name`;
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
}

export async function findSlaPolicy(sql: Tx, id: string): Promise<SlaPolicy | null> {
  const [row] = await sql<SlaPolicy[]>`select ${columns(sql)} from sla_policies where id = ${id}`;
  return row ?? null;
}

/** A ticket's facts as the policy match reads them: each a value, or a column of the query it is used in. */
type MatchFacts = Record<'queueId' | 'priority' | 'channel' | 'customerTags', unknown>;

/** Whether policy `p` applies to a ticket with these facts: enabled, and its non-empty match lists all match. */
export const slaPolicyApplies = (sql: Tx, f: MatchFacts) => sql`
  p.enabled
  and (cardinality(p.queue_ids) = 0 or ${f.queueId as string}::uuid = any(p.queue_ids))
  and (cardinality(p.priorities) = 0 or ${f.priority as string} = any(p.priorities))
  and (cardinality(p.channels) = 0 or ${f.channel as string} = any(p.channels))
  and (cardinality(p.customer_tags) = 0 or p.customer_tags && ${f.customerTags as string[]}::text[])`;

/** The first policy, by position, that applies to the ticket; null when none does. */
export async function matchSlaPolicy(sql: Tx, facts: TicketFacts): Promise<SlaPolicy | null> {
  const [row] = await sql<SlaPolicy[]>`
    select ${columns(sql)} from sla_policies p where ${slaPolicyApplies(sql, facts)}
    order by position, name
    limit 1`;
  return row ?? null;
}

const nameTaken = (name: string) =>
  new HttpError(409, 'name_taken', `An SLA policy named ${name} already exists.`, [
    { path: 'name', message: 'is taken' },
  ]);

async function refuseUnknownQueues(tx: Tx, input: SlaPolicyInput) {
  const ids = [...input.queueIds, ...(input.escalation?.queueId ? [input.escalation.queueId] : [])];
  if (!ids.length) return;
  const known = await tx<{ id: string }[]>`select id from queues where id = any(${ids}::uuid[])`;
  const missing = new Set(ids.filter((id) => !known.some((k) => k.id === id)));
  if (!missing.size) return;
  const fields = [
    ...input.queueIds.flatMap((id, i) =>
      missing.has(id) ? [{ path: `queueIds.${i}`, message: 'no such queue' }] : [],
    ),
    ...(input.escalation?.queueId && missing.has(input.escalation.queueId)
      ? [{ path: 'escalation.queueId', message: 'no such queue' }]
      : []),
  ];
  throw new HttpError(400, 'invalid_input', 'No such queue.', fields);
}

/** The policy's columns as a `set` list: arrays cast, so an empty list is typed too. */
const assignments = (tx: Tx, input: SlaPolicyInputParsed) => tx`
  name = ${input.name}, enabled = ${input.enabled},
  queue_ids = ${input.queueIds}::uuid[], priorities = ${input.priorities}::text[], channels = ${input.channels}::text[],
  customer_tags = ${input.customerTags}::text[],
  first_response_minutes = ${input.firstResponseMinutes}, next_response_minutes = ${input.nextResponseMinutes},
  resolution_minutes = ${input.resolutionMinutes},
  warn_minutes_before = ${input.warnMinutesBefore}, warn_percent_used = ${input.warnPercentUsed},
  quiet_hours = ${input.quietHours ? tx.json(input.quietHours) : null},
  sms_recipients = ${input.smsRecipients}::text[], email_recipients = ${input.emailRecipients}::text[],
  escalation = ${input.escalation ? tx.json(input.escalation) : null}`;

function renameConflict(name: string) {
  return (e: unknown) => {
    if ((e as { code?: string }).code === '23505') throw nameTaken(name);
    throw e;
  };
}

/** A new policy goes last in the first-match order. */
export async function insertSlaPolicy(tx: TransactionSql, input: SlaPolicyInputParsed, actorUserId: string) {
  await refuseUnknownQueues(tx, input);
  // Placed last, then filled in: one column list for create and update.
  const [row] = await tx<{ id: string }[]>`
    insert into sla_policies (name, position) values (${input.name}, (select coalesce(max(position), 0) + 1 from sla_policies))
    returning id`.catch(renameConflict(input.name));
  await tx`update sla_policies set ${assignments(tx, input)} where id = ${row.id}`;
  await writeAudit(tx, {
    actorUserId,
    action: 'sla_policy.created',
    entityType: 'sla_policy',
    entityId: row.id,
    data: input,
  });
  return row.id;
}

export async function replaceSlaPolicy(
  tx: TransactionSql,
  id: string,
  input: SlaPolicyInputParsed,
  actorUserId: string,
) {
  await refuseUnknownQueues(tx, input);
  const [row] = await tx<{ id: string }[]>`
    update sla_policies set ${assignments(tx, input)}, updated_at = now() where id = ${id} returning id`.catch(
    renameConflict(input.name),
  );
  if (!row) throw new HttpError(404, 'not_found', 'SLA policy not found.');
  await writeAudit(tx, {
    actorUserId,
    action: 'sla_policy.updated',
    entityType: 'sla_policy',
    entityId: id,
    data: input,
  });
}

export async function removeSlaPolicy(tx: TransactionSql, id: string, actorUserId: string) {
  const [row] = await tx<{ name: string }[]>`delete from sla_policies where id = ${id} returning name`;
  if (!row) throw new HttpError(404, 'not_found', 'SLA policy not found.');
  await writeAudit(tx, {
    actorUserId,
    action: 'sla_policy.deleted',
    entityType: 'sla_policy',
    entityId: id,
    data: { name: row.name },
  });
}

/** Sets the first-match order; the list must name every policy once. */
export async function reorderSlaPolicies(tx: TransactionSql, ids: string[], actorUserId: string) {
  const all = await tx<{ id: string }[]>`select id from sla_policies for update`;
  const same = ids.length === all.length && new Set(ids).size === ids.length && all.every((p) => ids.includes(p.id));
  if (!same)
    throw new HttpError(400, 'invalid_input', 'ids must name every SLA policy exactly once.', [
      { path: 'ids', message: 'must name every SLA policy exactly once' },
    ]);
  for (const [i, id] of ids.entries()) await tx`update sla_policies set position = ${i + 1} where id = ${id}`;
  await writeAudit(tx, {
    actorUserId,
    action: 'sla_policy.reordered',
    entityType: 'sla_policy',
    entityId: 'order',
    data: { ids },
  });
}
