import type { Sql } from '../db/client';

export interface AgentActivityRow {
  period: Date;
  agentId: string;
  available: number;
  busy: number;
  away: number;
  /** Away time split by the reason code in force (null: away with no reason, e.g. set away for a missed offer). */
  awayByReason: { reason: string | null; seconds: number }[];
  offline: number;
  handled: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapUpSeconds: number;
  /** Time handling at least one contact (a call, its after-call work, an SMS or email taken), while signed in. */
  handlingSeconds: number;
  /** Time staffed: available, or handling (whatever the presence said meanwhile). */
  staffedSeconds: number;
}

/**
 * Per agent and period: seconds in each presence (from presence_events, clipped to the period and to now; away time
 * also per away reason), contacts
 * handled (an 'ended' fact), and talk (calls' connected time less hold), hold and wrap-up seconds, counted in the
 * period the fact happened in. Handling and staffed time are unions of intervals (Amazon Connect's occupancy): a
 * call's talk, its after-call work, an SMS or email from its answer to its resolve (or to now, while it is still the
 * agent's), counted once however many overlap; staffed is available time joined with handling time.
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
  const minStart = new Date(Math.min(...periods.map((p) => p.start.getTime())));
  return sql<AgentActivityRow[]>`
    with p as (select * from unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) as p(start, finish)),
    a as (select unnest(${agentIds}::uuid[]) as agent_id),
    ev as (
      select user_id, presence, away_reason, at,
        coalesce(lead(at) over (partition by user_id order by at, id), 'infinity') as until
      from presence_events where user_id in (select agent_id from a) and at < ${maxEnd}),
    st as (
      select p.start, ev.user_id as agent_id,
        sum(extract(epoch from least(ev.until, p.finish, now()) - greatest(ev.at, p.start))) filter (where ev.presence = 'available') as available,
        sum(extract(epoch from least(ev.until, p.finish, now()) - greatest(ev.at, p.start))) filter (where ev.presence = 'busy') as busy,
        sum(extract(epoch from least(ev.until, p.finish, now()) - greatest(ev.at, p.start))) filter (where ev.presence = 'away') as away,
        sum(extract(epoch from least(ev.until, p.finish, now()) - greatest(ev.at, p.start))) filter (where ev.presence = 'offline') as offline
      from p join ev on ev.at < p.finish and ev.until > p.start and ev.at < now()
      group by 1, 2),
    aw as (
      select start, agent_id,
        json_agg(json_build_object('reason', away_reason, 'seconds', seconds) order by away_reason nulls last) as by_reason
      from (
        select p.start, ev.user_id as agent_id, ev.away_reason,
          sum(extract(epoch from least(ev.until, p.finish, now()) - greatest(ev.at, p.start)))::float8 as seconds
        from p join ev on ev.at < p.finish and ev.until > p.start and ev.at < now()
        where ev.presence = 'away'
        group by 1, 2, 3) r
      group by 1, 2),
    h as (
      select p.start, e.agent_id,
        count(*) filter (where e.kind = 'ended') as handled,
        coalesce(sum(e.seconds) filter (where e.kind = 'ended' and e.channel = 'voice'), 0) as connected,
        coalesce(sum(e.seconds) filter (where e.kind = 'hold'), 0) as hold,
        coalesce(sum(e.seconds) filter (where e.kind = 'wrap_up'), 0) as wrap
      from p join contact_events e on e.at >= p.start and e.at < p.finish
      where e.agent_id in (select agent_id from a) and e.kind in ('ended', 'hold', 'wrap_up')
      group by 1, 2),
    spans as (
      -- Talk (hold included) of a call, an SMS or email from answer to resolve, after-call work: they end at the fact.
      select e.agent_id, tstzrange(e.at - make_interval(secs => e.seconds), e.at) as r
      from contact_events e
      where e.agent_id in (select agent_id from a) and e.kind in ('ended', 'wrap_up') and e.seconds > 0
        and e.at > ${minStart}
      union all
      -- Contacts the agent holds now: answered, not ended yet.
      select t.assignee_id, tstzrange(least(ans.at, now()), now())
      from tickets t
      cross join lateral (
        select c.id, c.episode_id, c.at from contact_events c
        where c.ticket_id = t.id and c.kind = 'answered' order by c.id desc limit 1) ans
      where t.assignee_id in (select agent_id from a) and t.status not in ('resolved', 'closed')
        and not exists (select 1 from contact_events x where x.episode_id = ans.episode_id and x.kind = 'ended' and x.id > ans.id)),
    online as (
      select user_id as agent_id,
        range_agg(tstzrange(at, least(until, now()))) filter (where presence <> 'offline') as signed_in,
        range_agg(tstzrange(at, least(until, now()))) filter (where presence = 'available') as available
      from ev where at < now() and until > ${minStart} group by user_id),
    spells as (
      -- Handling counts while signed in (an SMS left open overnight is not handled overnight).
      select a.agent_id,
        coalesce((select range_agg(s.r) from spans s where s.agent_id = a.agent_id), '{}'::tstzmultirange)
          * coalesce(o.signed_in, '{}'::tstzmultirange) as handling,
        coalesce(o.available, '{}'::tstzmultirange) as available
      from a left join online o on o.agent_id = a.agent_id),
    occ as (
      select p.start, sp.agent_id,
        (select coalesce(sum(extract(epoch from upper(r) - lower(r))), 0) from unnest(sp.handling * w.win) r) as handling,
        (select coalesce(sum(extract(epoch from upper(r) - lower(r))), 0) from unnest((sp.handling + sp.available) * w.win) r) as staffed
      from p cross join spells sp
      cross join lateral (
        select tstzmultirange(tstzrange(p.start, greatest(p.start, least(p.finish, now())))) as win) w)
    select p.start as period, a.agent_id,
      coalesce(st.available, 0)::float8 as available, coalesce(st.busy, 0)::float8 as busy,
      coalesce(st.away, 0)::float8 as away, coalesce(aw.by_reason, '[]'::json) as away_by_reason,
      coalesce(st.offline, 0)::float8 as offline,
      coalesce(h.handled, 0)::int as handled,
      greatest(coalesce(h.connected, 0) - coalesce(h.hold, 0), 0)::float8 as talk_seconds,
      coalesce(h.hold, 0)::float8 as hold_seconds, coalesce(h.wrap, 0)::float8 as wrap_up_seconds,
      coalesce(occ.handling, 0)::float8 as handling_seconds, coalesce(occ.staffed, 0)::float8 as staffed_seconds
    from p cross join a
    left join st on st.start = p.start and st.agent_id = a.agent_id
    left join aw on aw.start = p.start and aw.agent_id = a.agent_id
    left join h on h.start = p.start and h.agent_id = a.agent_id
    left join occ on occ.start = p.start and occ.agent_id = a.agent_id
    order by p.start, a.agent_id`;
}

/**
 * Occupancy (Amazon Connect): time handling contacts of any channel ÷ time staffed (available, handling, after-call
 * work); null when the agents were never staffed.
 */
export function occupancyOf(rows: AgentActivityRow[]): number | null {
  let handling = 0;
  let staffed = 0;
  for (const r of rows) {
    handling += r.handlingSeconds;
    staffed += r.staffedSeconds;
  }
  return staffed > 0 ? Math.min(1, handling / staffed) : null;
}
