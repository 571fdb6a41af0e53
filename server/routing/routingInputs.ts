import type { TransactionSql } from '../db/client';
import type { Channel } from '../http/apiTypes';
import type { MatchHints, RoutableAgent, RoutableTicket } from './matchOffers';

// Serving order: higher priority first, then the oldest; the same expression as the tickets_routing_order index.
const WAITING = (tx: TransactionSql) => tx`
  t.queue_id is not null and t.assignee_id is null and t.status not in ('resolved', 'closed')
  and (t.routable_after is null or t.routable_after <= now())
  and not exists (select 1 from offers o where o.ticket_id = t.id and o.status = 'pending')`;

/**
 * Available agents with their free slots per channel. Their rows are share-locked until the pass commits, so an
 * agent who goes away meanwhile waits for it and then withdraws the offers it made (setPresence locks the row).
 */
export async function loadRoutableAgents(tx: TransactionSql, afterCallWorkSeconds: number): Promise<RoutableAgent[]> {
  const rows = await tx<{
    id: string; idleSince: Date; skillIds: string[]; capacityVoice: number; capacitySms: number; capacityEmail: number;
    calls: number; sms: number; email: number; offeredVoice: number; offeredSms: number; offeredEmail: number;
  }[]>`
    select u.id, greatest(u.presence_changed_at, coalesce(u.last_offered_at, u.presence_changed_at)) as idle_since,
      array(select a.skill_id from agent_skills a where a.user_id = u.id) as skill_ids,
      u.capacity_voice, u.capacity_sms, u.capacity_email,
      -- Calls take the agent, not tickets: a call on the line or ringing, or one in its after-call work.
      (select count(*) from calls c where c.agent_id = u.id
        and (c.ended_at is null or (c.wrap_up = 'pending' and c.ended_at > now() - make_interval(secs => ${afterCallWorkSeconds}))))::int as calls,
      (select count(*) from tickets t where t.assignee_id = u.id and t.channel = 'sms' and t.status not in ('resolved', 'closed'))::int as sms,
      (select count(*) from tickets t where t.assignee_id = u.id and t.channel = 'email' and t.status not in ('resolved', 'closed'))::int as email,
      (select count(*) from offers o where o.agent_id = u.id and o.status = 'pending' and o.channel = 'voice')::int as offered_voice,
      (select count(*) from offers o where o.agent_id = u.id and o.status = 'pending' and o.channel = 'sms')::int as offered_sms,
      (select count(*) from offers o where o.agent_id = u.id and o.status = 'pending' and o.channel = 'email')::int as offered_email
    from users u
    where u.role = 'agent' and u.active and u.presence = 'available'
    for share of u`;
  return rows.map((r) => ({
    id: r.id,
    idleSince: r.idleSince.getTime(),
    skillIds: new Set(r.skillIds),
    free: { voice: r.capacityVoice - r.calls - r.offeredVoice, sms: r.capacitySms - r.sms - r.offeredSms, email: r.capacityEmail - r.email - r.offeredEmail },
    onCall: r.calls + r.offeredVoice > 0,
  }));
}

/** Tickets waiting for an agent in the given channels, in the order they are served. */
export function listWaitingTickets(tx: TransactionSql, channels: readonly Channel[], limit = 200) {
  return tx<(RoutableTicket & { waitingSince: Date })[]>`
    select t.id, t.queue_id, t.channel, t.customer_id, t.waiting_since, q.blend_with_calls,
      array(select qs.skill_id from queue_skills qs where qs.queue_id = t.queue_id) as skill_ids
    from tickets t join queues q on q.id = t.queue_id
    where ${WAITING(tx)} and t.channel = any(${channels as Channel[]}::text[])
    order by case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end, t.queued_at, t.number
    limit ${limit}`;
}

/**
 * What prefers one agent over another for these tickets: agents who turned a ticket down, let it lapse or never
 * saw it since it started waiting, or whose ringing for its call just failed, are tried last; the customer's agent
 * from the sticky window is tried first.
 */
export async function loadMatchHints(tx: TransactionSql, tickets: readonly RoutableTicket[], stickyHours: number): Promise<MatchHints> {
  const ticketIds = tickets.map((t) => t.id);
  const [avoided, sticky] = await Promise.all([
    tx<{ ticketId: string; agentId: string }[]>`
      select o.ticket_id, o.agent_id from offers o join tickets t on t.id = o.ticket_id
      where o.ticket_id = any(${ticketIds}::uuid[]) and o.status in ('rejected', 'timed_out', 'unseen') and o.offered_at >= t.waiting_since
      union
      select c.ticket_id, l.agent_id from call_legs l join calls c on c.id = l.call_id
      where c.ticket_id = any(${ticketIds}::uuid[]) and l.answered_at is null and l.ended_at > now() - interval '10 minutes'`,
    stickyHours > 0
      ? tx<{ customerId: string; agentId: string }[]>`
          select distinct on (t.customer_id) t.customer_id, o.agent_id
          from tickets t join offers o on o.ticket_id = t.id
          where t.customer_id = any(${[...new Set(tickets.map((t) => t.customerId))]}::uuid[])
            and o.status = 'accepted' and o.responded_at > now() - make_interval(secs => ${stickyHours * 3600})
          order by t.customer_id, o.responded_at desc`
      : [],
  ]);
  const avoid = new Map<string, Set<string>>();
  for (const r of avoided) avoid.set(r.ticketId, (avoid.get(r.ticketId) ?? new Set()).add(r.agentId));
  return { avoid, sticky: new Map(sticky.map((r) => [r.customerId, r.agentId])) };
}
