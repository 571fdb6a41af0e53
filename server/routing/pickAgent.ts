import type { TransactionSql } from '../db/client';

export interface WaitingTicket {
  id: string;
  queueId: string;
  channel: 'voice' | 'sms' | 'email';
  customerId: string;
  waitingSince: Date;
}

/** Tickets waiting for an agent, in the order they are served: higher priority first, then the oldest. */
export function listWaitingTickets(tx: TransactionSql, limit = 200) {
  return tx<WaitingTicket[]>`
    select t.id, t.queue_id, t.channel, t.customer_id, t.waiting_since
    from tickets t
    where t.queue_id is not null and t.assignee_id is null and t.status not in ('resolved', 'closed')
      and (t.routable_after is null or t.routable_after <= now())
      and not exists (select 1 from offers o where o.ticket_id = t.id and o.status = 'pending')
    order by case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end, t.queued_at, t.number
    limit ${limit}`;
}

/**
 * The agent to offer a ticket to: available, with every skill the queue requires and free capacity for the
 * ticket's channel (assigned open tickets plus pending offers count). Preference: agents who have not already
 * turned this ticket down in this queue (or, for a call, failed to ring for it just now); then the customer's recent agent (sticky); then the one idle longest.
 */
export async function pickAgent(tx: TransactionSql, ticket: WaitingTicket, stickyHours: number, afterCallWorkSeconds: number): Promise<string | null> {
  const sticky = stickyHours > 0 ? await recentAgent(tx, ticket.customerId, stickyHours) : null;
  const [row] = await tx<{ id: string }[]>`
    select u.id
    from users u
    where u.role = 'agent' and u.active and u.presence = 'available'
      and not exists (
        select 1 from queue_skills qs
        where qs.queue_id = ${ticket.queueId}
          and not exists (select 1 from agent_skills a where a.user_id = u.id and a.skill_id = qs.skill_id))
      and (case ${ticket.channel} when 'voice' then u.capacity_voice when 'sms' then u.capacity_sms else u.capacity_email end) > (
        (case when ${ticket.channel} = 'voice'
          -- Calls take the agent, not tickets: a call on the line or ringing, or one in its after-call work.
          then (select count(*) from calls c where c.agent_id = u.id
                and (c.ended_at is null or (c.wrap_up = 'pending' and c.ended_at > now() - make_interval(secs => ${afterCallWorkSeconds}))))
          else (select count(*) from tickets t where t.assignee_id = u.id and t.channel = ${ticket.channel} and t.status not in ('resolved', 'closed'))
        end)
        + (select count(*) from offers o where o.agent_id = u.id and o.channel = ${ticket.channel} and o.status = 'pending'))
    order by
      exists (select 1 from offers o where o.ticket_id = ${ticket.id} and o.agent_id = u.id
              and o.status in ('rejected', 'timed_out') and o.offered_at >= ${ticket.waitingSince})
        -- A call whose ringing of this agent just failed (not picked up, or not placed at all) tries someone else first.
        or exists (select 1 from call_legs l join calls c on c.id = l.call_id
                   where c.ticket_id = ${ticket.id} and l.agent_id = u.id and l.answered_at is null
                     and l.ended_at > now() - interval '10 minutes'),
      u.id is not distinct from ${sticky}::uuid desc,
      greatest(u.presence_changed_at, coalesce(u.last_offered_at, '-infinity')),
      u.id
    limit 1`;
  return row?.id ?? null;
}

/** The agent who last held one of this customer's tickets, if that was within the sticky window. */
async function recentAgent(tx: TransactionSql, customerId: string, hours: number): Promise<string | null> {
  const [row] = await tx<{ agentId: string }[]>`
    select o.agent_id from offers o join tickets t on t.id = o.ticket_id
    where t.customer_id = ${customerId} and o.status = 'accepted' and o.responded_at > now() - make_interval(secs => ${hours * 3600})
    order by o.responded_at desc limit 1`;
  return row?.agentId ?? null;
}
