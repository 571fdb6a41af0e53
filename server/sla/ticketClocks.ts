// A ticket's clocks brought in step with what just happened to it, inside the transaction of that change.
import type { TransactionSql } from '../db/client';
import type { Channel, TicketPriority, TicketStatus } from '../http/apiTypes';
import type { SlaTarget } from '../http/slaApiTypes';
import { findSchedule } from '../settings/businessHoursSettings';
import { isOpen, pause, replace, resume, stop } from './clockTransitions';
import {
  insertClock,
  targetMinutesOf,
  ticketClocks,
  writeClock,
  type ClockRules,
  type SlaClockRow,
} from './slaClockRows';
import { findSlaPolicy, slaPolicyApplies } from './slaPolicies';

export type ClockEvent =
  | { kind: 'customer_message'; at: Date; automated: boolean }
  | { kind: 'public_response'; at: Date }
  /** The ticket's status, priority or queue changed, or its policy or calendar was edited. */
  | { kind: 'ticket_changed' };

interface TicketFacts {
  status: TicketStatus;
  queueId: string | null;
  priority: TicketPriority;
  channel: Channel;
  createdAt: Date;
  slaPolicyId: string | null;
  customerTags: string[];
  businessHoursId: string | null;
}

const STOPPED_STATUSES: TicketStatus[] = ['resolved', 'closed'];
const RESPONSE_TARGETS: SlaTarget[] = ['first_response', 'next_response'];

/** A ticket's facts as its clocks need them, with the policy that matches them and whether it has clocks yet. */
export type TicketClockFacts = TicketFacts & { matchedPolicyId: string | null; hasClocks: boolean };

/**
 * The select list of a ticket's clock facts, over `t` (the ticket, or a statement's row of it), `c` (its customer)
 * and `q` (its queue, left-joined): intake reads them in the statement that stores the contact.
 */
export const ticketClockFactsColumns = (tx: TransactionSql) => tx`
  t.status, t.queue_id, t.priority, t.channel, t.created_at, t.sla_policy_id, c.tags as customer_tags,
  q.business_hours_id,
  (select p.id from sla_policies p
    where ${slaPolicyApplies(tx, { queueId: tx`t.queue_id`, priority: tx`t.priority`, channel: tx`t.channel`, customerTags: tx`c.tags` })}
    order by p.position, p.name limit 1) as matched_policy_id,
  exists (select 1 from sla_clocks k where k.ticket_id = t.id) as has_clocks`;

/**
 * The rules a ticket's clocks count on now: the first matching policy, on its queue's calendar. The match is made in
 * the same read as the ticket's facts (or comes with facts the caller read in its own statement), so a ticket no
 * policy applies to (every contact where SLA is not used) costs one statement, or none.
 */
export async function ticketRules(tx: TransactionSql, ticketId: string, known?: TicketClockFacts) {
  const [ticket] = known
    ? [known]
    : await tx<TicketClockFacts[]>`
        select ${ticketClockFactsColumns(tx)}
        from tickets t join customers c on c.id = t.customer_id left join queues q on q.id = t.queue_id
        where t.id = ${ticketId}`;
  if (!ticket) return null;
  if (ticket.matchedPolicyId !== ticket.slaPolicyId)
    await tx`update tickets set sla_policy_id = ${ticket.matchedPolicyId} where id = ${ticketId}`;
  const policy = ticket.matchedPolicyId ? await findSlaPolicy(tx, ticket.matchedPolicyId) : null;
  if (!policy) return { ticket, rules: null };
  const schedule = ticket.businessHoursId ? await findSchedule(tx, ticket.businessHoursId) : null;
  return { ticket, rules: { policy, schedule } };
}

/**
 * Applies an event to a ticket's clocks and returns the clocks it changed (their timers are to be set). Resolving
 * stops every clock; "waiting on customer" pauses them and any other open status runs them, so a reopened ticket's
 * resolution clock resumes with the time it had used.
 */
export async function applyClockEvent(
  tx: TransactionSql,
  ticketId: string,
  event: ClockEvent,
  now = new Date(),
  known?: TicketClockFacts,
): Promise<SlaClockRow[]> {
  const found = await ticketRules(tx, ticketId, known);
  if (!found) return [];
  const { ticket, rules } = found;
  if (!rules && !ticket.hasClocks) return [];
  const before = await ticketClocks(tx, ticketId);
  if (!rules) {
    // No policy applies any more: clocks that never ended have no target to end against.
    if (before.some(isOpen)) await tx`delete from sla_clocks where ticket_id = ${ticketId} and stopped_at is null`;
    return [];
  }
  const changed: SlaClockRow[] = [];
  let clocks = await retarget(tx, rules, before, event.kind === 'ticket_changed', now);
  // A message that leaves the ticket resolved or closed (threaded into a closed one) starts nothing to stop at once.
  if (event.kind === 'customer_message' && !event.automated && !STOPPED_STATUSES.includes(ticket.status))
    clocks = clocks.concat(await startClocks(tx, rules, ticketId, ticket.createdAt, clocks, event.at));
  for (const clock of clocks) {
    let next = clock;
    if (event.kind === 'public_response' && RESPONSE_TARGETS.includes(clock.target)) next = stop(rules, next, event.at);
    if (STOPPED_STATUSES.includes(ticket.status)) next = stop(rules, next, now);
    else if (ticket.status === 'waiting_on_customer') next = pause(rules, next, now);
    // Reopened: only the resolution clock runs again; answered responses stay answered.
    else if (isOpen(next) || next.target === 'resolution') next = resume(rules, next, now);
    const original = before.find((c) => c.id === clock.id);
    if (!original || JSON.stringify(original) !== JSON.stringify(next)) changed.push(await writeClock(tx, next, now));
  }
  return changed;
}

/** Open clocks follow the policy's current targets: a target the policy no longer sets ends its clock. */
async function retarget(tx: TransactionSql, rules: ClockRules, clocks: SlaClockRow[], always: boolean, now: Date) {
  const kept: SlaClockRow[] = [];
  for (const clock of clocks) {
    const minutes = targetMinutesOf(rules.policy, clock.target);
    if (isOpen(clock) && minutes === null) {
      await tx`delete from sla_clocks where id = ${clock.id}`;
      continue;
    }
    const moved = minutes !== clock.targetMinutes || clock.policyId !== rules.policy.id;
    kept.push(isOpen(clock) && (always || moved) ? replace(rules, clock, minutes!, now) : clock);
  }
  return kept;
}

/**
 * A customer message starts the resolution clock (from the ticket's creation) and the first response clock; once
 * the first response is given, the oldest unanswered message starts the next response cycle.
 */
async function startClocks(
  tx: TransactionSql,
  rules: ClockRules,
  ticketId: string,
  createdAt: Date,
  clocks: SlaClockRow[],
  at: Date,
) {
  const started: SlaClockRow[] = [];
  const add = async (target: SlaTarget, cycle: number, from: Date) => {
    const row = await insertClock(tx, rules, ticketId, target, cycle, from);
    if (row) started.push(row);
  };
  const of = (target: SlaTarget) => clocks.filter((c) => c.target === target);
  if (!of('resolution').length) await add('resolution', 1, createdAt);
  const first = of('first_response');
  if (!first.length) await add('first_response', 1, at);
  else if (!first.some(isOpen) && !of('next_response').some(isOpen))
    await add('next_response', of('next_response').length + 1, at);
  return started;
}
