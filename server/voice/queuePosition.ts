import type { Sql } from '../db/client';

// Without history yet, a call is assumed to take this long (talk plus wrap-up).
const DEFAULT_HANDLE_SECONDS = 240;

/**
 * The ticket's place among those of its channel waiting in its queue, in the order routing serves them (priority,
 * then age), or null when it is not waiting (offered, assigned, or held back). Only its own channel counts: agents
 * take calls on their voice capacity, so a caller never waits behind mail or texts.
 */
export async function queuePosition(sql: Sql, ticketId: string): Promise<number | null> {
  const [row] = await sql<{ position: number | null }[]>`
    with me as (
      select id, queue_id, channel, queued_at, number, case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end as rank
      from tickets where id = ${ticketId} and assignee_id is null and queue_id is not null and status not in ('resolved', 'closed')
        and (routable_after is null or routable_after <= now()))
    select (select count(*)::int + 1 from tickets t, me
            where t.queue_id = me.queue_id and t.channel = me.channel and t.id <> me.id and t.assignee_id is null and t.status not in ('resolved', 'closed')
              and (t.routable_after is null or t.routable_after <= now())
              and (case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end, t.queued_at, t.number)
                < (me.rank, me.queued_at, me.number)) as position
    from me`;
  return row?.position ?? null;
}

/**
 * Expected wait for the caller at `position`: each agent signed in for the queue frees up once per average handling
 * time (talk plus wrap-up of the queue's recent answered calls). Null when nobody who could answer is signed in.
 */
export async function estimatedWaitSeconds(sql: Sql, queueId: string, position: number): Promise<number | null> {
  const [row] = await sql<{ agents: number; handle: number | null }[]>`
    select
      (select count(*)::int from users u
        where u.role = 'agent' and u.active and u.presence in ('available', 'busy') and u.capacity_voice > 0
          and not exists (select 1 from queue_skills qs where qs.queue_id = ${queueId}
                          and not exists (select 1 from agent_skills a where a.user_id = u.id and a.skill_id = qs.skill_id))) as agents,
      (select avg(c.talk_seconds + coalesce(extract(epoch from c.wrapped_up_at - c.ended_at), 0))::float
        from (select * from calls where queue_id = ${queueId} and talk_seconds is not null order by ended_at desc limit 50) c) as handle`;
  if (!row.agents) return null;
  return Math.round((position * (row.handle ?? DEFAULT_HANDLE_SECONDS)) / row.agents);
}
