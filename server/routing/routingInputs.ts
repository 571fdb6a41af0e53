import type { Sql, TransactionSql } from '../db/client';
import type { Channel } from '../http/apiTypes';
import type { MatchHints, RoutableAgent, RoutableTicket } from './matchOffers';

/** A ticket (`t`) waiting for an agent: in a queue, unassigned, open, routable now and not on offer. */
export const isWaiting = (sql: Sql | TransactionSql) => sql`
  t.queue_id is not null and t.assignee_id is null and t.status not in ('resolved', 'closed')
  and (t.routable_after is null or t.routable_after <= now())
  and not exists (select 1 from offers o where o.ticket_id = t.id and o.status = 'pending')`;

/**
 * Available agents with their free slots per channel; with `whileTicketsWait`, none (their loads unread) when no
 * ticket waits. Their rows are not locked: an agent leaving `available` takes the routing lock first (changePresence),
 * so they wait for this pass and then withdraw the offers it made.
 */
export async function loadRoutableAgents(
  tx: Sql | TransactionSql,
  afterCallWorkSeconds: number,
  { whileTicketsWait = false } = {},
): Promise<RoutableAgent[]> {
  const rows = await tx<
    {
      id: string;
      idleSince: Date;
      skillIds: string[];
      capacityVoice: number;
      capacitySms: number;
      capacityEmail: number;
      calls: number;
      sms: number;
      email: number;
      offeredVoice: number;
      offeredSms: number;
      offeredEmail: number;
    }[]
  >`
    -- Each agent's loads read through that agent's own index entries (open tickets, pending offers, busy calls): a
    -- nested loop of index scans whatever the statistics say. Counted for all agents at once and joined, the plan
    -- hung on the estimate of how many are available: from statistics taken while the floor was empty (one row), it
    -- re-sorted every held ticket once per agent, 2 ms a pass for 60 agents and quadratic in the floor's size.
    select u.id, greatest(u.presence_changed_at, coalesce(u.last_offered_at, u.presence_changed_at)) as idle_since,
      u.capacity_voice, u.capacity_sms, u.capacity_email,
      array(select s.skill_id from agent_skills s where s.user_id = u.id) as skill_ids,
      c.calls, t.sms, t.email, o.offered_voice, o.offered_sms, o.offered_email
    from users u
    cross join lateral (
      select count(*) filter (where t.channel = 'sms')::int as sms, count(*) filter (where t.channel = 'email')::int as email
      from tickets t where t.assignee_id = u.id and t.status not in ('resolved', 'closed')) t
    cross join lateral (
      select count(*) filter (where o.channel = 'voice')::int as offered_voice,
        count(*) filter (where o.channel = 'sms')::int as offered_sms,
        count(*) filter (where o.channel = 'email')::int as offered_email
      from offers o where o.agent_id = u.id and o.status = 'pending') o
    cross join lateral (
      -- Calls take the agent, not tickets: a call on the line or ringing, or one in its after-call work.
      select count(*)::int as calls from calls c
      where c.agent_id = u.id
        and (c.ended_at is null or (c.wrap_up = 'pending' and c.ended_at > now() - make_interval(secs => ${afterCallWorkSeconds})))) c
    where u.role = 'agent' and u.active and u.presence = 'available'
      ${whileTicketsWait ? tx`and exists (select 1 from tickets t where ${isWaiting(tx)})` : tx``}`;
  return rows.map((r) => ({
    id: r.id,
    idleSince: r.idleSince.getTime(),
    skillIds: new Set(r.skillIds),
    free: {
      voice: r.capacityVoice - r.calls - r.offeredVoice,
      sms: r.capacitySms - r.sms - r.offeredSms,
      email: r.capacityEmail - r.email - r.offeredEmail,
    },
    onCall: r.calls + r.offeredVoice > 0,
  }));
}

/**
 * Tickets waiting for an agent in the given channels, in the order they are served (up to `limit` per channel, so a
 * backlog in one channel never hides another's), each with what prefers one agent over another for it: agents who
 * turned it down, let it lapse or never saw it since it started waiting, or whose ringing for its call just failed,
 * are tried last; the customer's agent from the sticky window first.
 */
export async function listWaitingTickets(
  tx: TransactionSql,
  channels: readonly Channel[],
  stickyHours: number,
  limit = 200,
) {
  const rows = await tx<(RoutableTicket & { avoidAgentIds: string[]; stickyAgentId: string | null })[]>`
    select w.id, w.queue_id, w.channel, w.customer_id, w.blend_with_calls,
      array(select qs.skill_id from queue_skills qs where qs.queue_id = w.queue_id) as skill_ids,
      array(
        select o.agent_id from offers o
        where o.ticket_id = w.id and o.status in ('rejected', 'timed_out', 'unseen') and o.offered_at >= w.waiting_since
        union
        select l.agent_id from calls c join call_legs l on l.call_id = c.id
        where c.ticket_id = w.id and l.answered_at is null and l.ended_at > now() - interval '10 minutes') as avoid_agent_ids,
      case when ${stickyHours} > 0 then (
        select o.agent_id from tickets mine join offers o on o.ticket_id = mine.id
        where mine.customer_id = w.customer_id and o.status = 'accepted' and o.responded_at > now() - make_interval(secs => ${stickyHours * 3600})
        order by o.responded_at desc limit 1) end as sticky_agent_id
    from unnest(${channels as Channel[]}::text[]) as ch(channel)
    cross join lateral (
      select t.id, t.queue_id, t.channel, t.customer_id, t.waiting_since, t.queued_at, t.number, q.blend_with_calls,
        q.priority as queue_priority,
        case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end as ticket_rank
      from tickets t join queues q on q.id = t.queue_id
      where ${isWaiting(tx)} and t.channel = ch.channel
      -- Serving order: the higher priority queue first, then the higher priority ticket (the expression of the
      -- tickets_routing_order index), then the oldest.
      order by q.priority desc, case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end, t.queued_at, t.number
      limit ${limit}) w
    order by w.queue_priority desc, w.ticket_rank, w.queued_at, w.number`;
  const hints: MatchHints = {
    avoid: new Map(rows.filter((r) => r.avoidAgentIds.length).map((r) => [r.id, new Set(r.avoidAgentIds)])),
    sticky: new Map(rows.filter((r) => r.stickyAgentId).map((r) => [r.customerId, r.stickyAgentId!])),
  };
  return { tickets: rows as RoutableTicket[], hints };
}
