import type { Sql } from '../db/client';

export interface AgentActivityRow {
  period: Date;
  agentId: string;
  available: number;
  busy: number;
  away: number;
  offline: number;
  handled: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapUpSeconds: number;
}

/**
 * Per agent and period: seconds in each presence (from presence_events, clipped to the period and to now), contacts
 * handled (an 'ended' fact), and talk (calls' connected time less hold), hold and wrap-up seconds, counted in the
 * period the fact happened in.
 */
export async function agentActivity(
  sql: Sql,
  agentIds: string[],
  periods: { start: Date; end: Date }[],
): Promise<AgentActivityRow[]> {
  if (!agentIds.length || !periods.length) return [];
  // postgres.js sends arrays of text: the instants go as ISO strings.
  const starts = periods.map((p) => p.start.toISOString());
  const ends = periods.map((p) => p.end.toISOString());
  const maxEnd = new Date(Math.max(...periods.map((p) => p.end.getTime())));
  return sql<AgentActivityRow[]>`
    with p as (select * from unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) as p(start, finish)),
    a as (select unnest(${agentIds}::uuid[]) as agent_id),
    ev as (
      select user_id, presence, at, coalesce(lead(at) over (partition by user_id order by at, id), 'infinity') as until
      from presence_events where user_id in (select agent_id from a) and at < ${maxEnd}),
    st as (
      select p.start, ev.user_id as agent_id,
        sum(extract(epoch from least(ev.until, p.finish, now()) - greatest(ev.at, p.start))) filter (where ev.presence = 'available') as available,
        sum(extract(epoch from least(ev.until, p.finish, now()) - greatest(ev.at, p.start))) filter (where ev.presence = 'busy') as busy,
        sum(extract(epoch from least(ev.until, p.finish, now()) - greatest(ev.at, p.start))) filter (where ev.presence = 'away') as away,
        sum(extract(epoch from least(ev.until, p.finish, now()) - greatest(ev.at, p.start))) filter (where ev.presence = 'offline') as offline
      from p join ev on ev.at < p.finish and ev.until > p.start and ev.at < now()
      group by 1, 2),
    h as (
      select p.start, e.agent_id,
        count(*) filter (where e.kind = 'ended') as handled,
        coalesce(sum(e.seconds) filter (where e.kind = 'ended' and e.channel = 'voice'), 0) as connected,
        coalesce(sum(e.seconds) filter (where e.kind = 'hold'), 0) as hold,
        coalesce(sum(e.seconds) filter (where e.kind = 'wrap_up'), 0) as wrap
      from p join contact_events e on e.at >= p.start and e.at < p.finish
      where e.agent_id in (select agent_id from a) and e.kind in ('ended', 'hold', 'wrap_up')
      group by 1, 2)
    select p.start as period, a.agent_id,
      coalesce(st.available, 0)::float8 as available, coalesce(st.busy, 0)::float8 as busy,
      coalesce(st.away, 0)::float8 as away, coalesce(st.offline, 0)::float8 as offline,
      coalesce(h.handled, 0)::int as handled,
      greatest(coalesce(h.connected, 0) - coalesce(h.hold, 0), 0)::float8 as talk_seconds,
      coalesce(h.hold, 0)::float8 as hold_seconds, coalesce(h.wrap, 0)::float8 as wrap_up_seconds
    from p cross join a
    left join st on st.start = p.start and st.agent_id = a.agent_id
    left join h on h.start = p.start and h.agent_id = a.agent_id
    order by p.start, a.agent_id`;
}

/** Handling time (talk, hold, wrap-up) ÷ time available or busy; null when the agents were never staffed. */
export function occupancyOf(rows: AgentActivityRow[]): number | null {
  let handling = 0;
  let staffed = 0;
  for (const r of rows) {
    handling += r.talkSeconds + r.holdSeconds + r.wrapUpSeconds;
    staffed += r.available + r.busy;
  }
  return staffed > 0 ? Math.min(1, handling / staffed) : null;
}
