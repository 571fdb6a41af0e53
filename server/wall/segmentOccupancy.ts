import type { Sql } from '../db/client';
import type { Channel } from '../http/apiTypes';

/** A window to measure; `queueId` limits it to one queue (its own "today"), null: every queue in scope. */
export interface OccupancyWindow {
  /** Unique among the windows of one call. */
  key: string;
  queueId: string | null;
  start: Date;
  end: Date;
}

export type OccupancyLevel = 'queueChannel' | 'queue' | 'channel' | 'all';

export interface SegmentOccupancyRow {
  key: string;
  level: OccupancyLevel;
  /** Null where the level sums over queues. */
  queueId: string | null;
  /** Null where the level sums over channels. */
  channel: Channel | null;
  handlingSeconds: number;
  staffedSeconds: number;
}

const LEVELS: Record<number, OccupancyLevel> = { 0: 'queueChannel', 1: 'queue', 2: 'channel', 3: 'all' };

/**
 * Occupancy of a segment of the floor (Amazon Connect's handling ÷ staffed, narrowed to a queue, a channel or both):
 * time agents spent handling the segment's contacts ÷ staffed time of the agents who could take them. Who could take
 * them is the routing's eligibility: an active agent with every skill the queue requires and capacity > 0 for the
 * channel; an agent who handled the segment's contacts in the window counts too (a supervisor's reassignment).
 * Handling is a call's talk and hold, its after-call work, an SMS or email from answer to resolve (or to now), counted
 * once per agent however many of the segment's contacts overlap, and only while signed in; staffed time is the
 * agent's whole staffed time (available, or handling any contact), as the total's occupancy counts it
 * (server/wall/agentActivity.ts). Measured per window, clipped to now, at four levels: queue and channel, queue,
 * channel, all the queues in scope.
 */
export async function segmentOccupancy(
  sql: Sql,
  queueIds: string[],
  windows: OccupancyWindow[],
): Promise<SegmentOccupancyRow[]> {
  if (!queueIds.length || !windows.length) return [];
  // postgres.js sends arrays of text: the instants go as ISO strings.
  const minStart = new Date(Math.min(...windows.map((w) => w.start.getTime())));
  const maxEnd = new Date(Math.max(...windows.map((w) => w.end.getTime())));
  const rows = await sql<(Omit<SegmentOccupancyRow, 'level'> & { grouping: number })[]>`
    with sc as (select unnest(${queueIds}::uuid[]) as queue_id),
    w as (
      select key, nullif(queue_id, '')::uuid as queue_id,
        tstzmultirange(tstzrange(start, greatest(start, least(finish, now())))) as win
      from unnest(${windows.map((x) => x.key)}::text[], ${windows.map((x) => x.queueId ?? '')}::text[],
        ${windows.map((x) => x.start.toISOString())}::timestamptz[],
        ${windows.map((x) => x.end.toISOString())}::timestamptz[]) as w(key, queue_id, start, finish)),
    elig as (
      select sc.queue_id, ch.channel, u.id as agent_id
      from sc cross join unnest(array['voice', 'sms', 'email']) as ch(channel)
      join users u on u.role = 'agent' and u.active
        and case ch.channel when 'voice' then u.capacity_voice when 'sms' then u.capacity_sms else u.capacity_email end > 0
      where not exists (
        select 1 from queue_skills k where k.queue_id = sc.queue_id
          and not exists (select 1 from agent_skills s where s.user_id = u.id and s.skill_id = k.skill_id))),
    ag as (
      select agent_id from elig
      union
      select agent_id from contact_events
      where agent_id is not null and kind in ('answered', 'ended', 'wrap_up') and at > ${minStart}
        and queue_id in (select queue_id from sc)),
    sp as (
      select e.agent_id, e.queue_id, e.channel, tstzrange(e.at - make_interval(secs => e.seconds), e.at) as r
      from contact_events e
      where e.agent_id in (select agent_id from ag) and e.kind in ('ended', 'wrap_up') and e.seconds > 0
        and e.at > ${minStart} and e.at - make_interval(secs => e.seconds) < ${maxEnd}
      union all
      -- Contacts held now: answered, not ended yet.
      select t.assignee_id, ans.queue_id, t.channel, tstzrange(least(ans.at, now()), now())
      from tickets t
      cross join lateral (
        select c.id, c.episode_id, c.queue_id, c.at from contact_events c
        where c.ticket_id = t.id and c.kind = 'answered' order by c.id desc limit 1) ans
      where t.assignee_id in (select agent_id from ag) and t.status not in ('resolved', 'closed')
        and not exists (select 1 from contact_events x where x.episode_id = ans.episode_id and x.kind = 'ended' and x.id > ans.id)),
    ev as (
      select user_id, presence, at, coalesce(lead(at) over (partition by user_id order by at, id), 'infinity') as until
      from presence_events where user_id in (select agent_id from ag) and at < ${maxEnd}),
    online as (
      select user_id as agent_id,
        range_agg(tstzrange(at, least(until, now()))) filter (where presence <> 'offline') as signed_in,
        range_agg(tstzrange(at, least(until, now()))) filter (where presence = 'available') as available
      from ev where at < now() and until > ${minStart} group by user_id),
    agent as (
      select ag.agent_id, coalesce(o.signed_in, '{}'::tstzmultirange) as signed_in,
        coalesce((select range_agg(s.r) from sp s where s.agent_id = ag.agent_id), '{}'::tstzmultirange)
          * coalesce(o.signed_in, '{}'::tstzmultirange) + coalesce(o.available, '{}'::tstzmultirange) as staffed
      from ag left join online o on o.agent_id = ag.agent_id),
    piece as (
      -- Each span of a queue in scope, cut to the agent's signed-in time and to each window it falls in.
      select w.key, s.agent_id, s.queue_id, s.channel, p.r
      from sp s
      join agent a on a.agent_id = s.agent_id
      join w on w.queue_id is null or w.queue_id = s.queue_id
      cross join lateral unnest(tstzmultirange(s.r) * a.signed_in * w.win) as p(r)
      where s.queue_id in (select queue_id from sc)),
    handling_per_agent as (
      select key, agent_id, queue_id, channel, grouping(queue_id, channel) as g, range_agg(r) as m
      from piece
      group by grouping sets ((key, agent_id, queue_id, channel), (key, agent_id, queue_id), (key, agent_id, channel), (key, agent_id))),
    handling as (
      select key, queue_id, channel, g,
        sum((select coalesce(sum(extract(epoch from upper(x) - lower(x))), 0) from unnest(m) x)) as secs
      from handling_per_agent group by key, queue_id, channel, g),
    who as (
      select w.key, e.agent_id, e.queue_id, e.channel from w join elig e on w.queue_id is null or e.queue_id = w.queue_id
      union
      select key, agent_id, queue_id, channel from piece),
    who_per_level as (
      select key, agent_id, queue_id, channel, grouping(queue_id, channel) as g
      from who
      group by grouping sets ((key, agent_id, queue_id, channel), (key, agent_id, queue_id), (key, agent_id, channel), (key, agent_id))),
    staffed_per_agent as (
      select w.key, a.agent_id,
        (select coalesce(sum(extract(epoch from upper(x) - lower(x))), 0) from unnest(a.staffed * w.win) x) as secs
      from w cross join agent a),
    staffed as (
      select g.key, g.queue_id, g.channel, g.g, sum(s.secs) as secs
      from who_per_level g join staffed_per_agent s on s.key = g.key and s.agent_id = g.agent_id
      group by g.key, g.queue_id, g.channel, g.g)
    select s.key, s.queue_id, s.channel, s.g as grouping,
      coalesce(h.secs, 0)::float8 as handling_seconds, s.secs::float8 as staffed_seconds
    from staffed s
    left join handling h on h.key = s.key and h.g = s.g
      and h.queue_id is not distinct from s.queue_id and h.channel is not distinct from s.channel`;
  return rows.map(({ grouping, ...r }) => ({ ...r, level: LEVELS[grouping] }));
}

/** Handling ÷ staffed, to 4 places; null when nobody who could take the segment was staffed. */
export const occupancyRatio = (row: Pick<SegmentOccupancyRow, 'handlingSeconds' | 'staffedSeconds'> | undefined) =>
  row && row.staffedSeconds > 0 ? Number(Math.min(1, row.handlingSeconds / row.staffedSeconds).toFixed(4)) : null;
