import type { Sql, SqlFragment } from '../db/client';
import type { Channel } from '../http/apiTypes';
import type { EpisodeSums } from './figureSet';

export interface EpisodeCountRow extends EpisodeSums {
  queueId: string;
  channel: Channel;
  /** Reports only: the interval's start. */
  period: Date | null;
}

/**
 * Counts queue episodes (one stay of a contact in a queue, from its 'queued' fact) by queue and channel, and by
 * period when `period` is given. An episode counts in the window it was queued in (the arrival cohort); its
 * outcome is its first answered/abandoned/callback/transferred/removed fact. The live wall and the reports both
 * count through here, so they agree for the same period.
 *
 * `where` filters the queued facts, aliased `q` (queue_id, channel, at).
 */
export async function countEpisodes(
  sql: Sql,
  where: SqlFragment,
  period: SqlFragment | null = null,
): Promise<EpisodeCountRow[]> {
  const rows = await sql<EpisodeCountRow[]>`
    with ep as (
      select q.queue_id, q.channel, ${period ?? sql`null::timestamptz`} as period, o.kind as outcome,
        extract(epoch from o.at - q.at) as wait, h.handled, h.handle_seconds,
        exists (select 1 from contact_events t where t.episode_id = q.id and t.kind = 'transferred') as transferred
      from contact_events q
      left join lateral (
        select kind, at from contact_events o
        where o.episode_id = q.id and o.kind in ('answered', 'abandoned', 'callback', 'transferred', 'removed')
        order by o.id limit 1) o on true
      left join lateral (
        select bool_or(kind = 'ended') as handled,
          coalesce(sum(seconds) filter (where kind = 'ended'), 0) + coalesce(sum(seconds) filter (where kind = 'wrap_up'), 0) as handle_seconds
        from contact_events h where h.episode_id = q.id and h.kind in ('ended', 'wrap_up')) h on true
      where q.kind = 'queued' and q.queue_id is not null and ${where}
    )
    select ep.queue_id, ep.channel, ep.period,
      count(*)::int as offered,
      count(*) filter (where outcome = 'answered')::int as answered,
      count(*) filter (where outcome = 'answered' and wait <= qs.service_level_seconds)::int as answered_within_threshold,
      count(*) filter (where outcome = 'abandoned' and wait >= s.short_abandon_seconds)::int as abandoned,
      count(*) filter (where outcome = 'abandoned' and wait < s.short_abandon_seconds)::int as short_abandoned,
      count(*) filter (where outcome = 'callback')::int as callbacks,
      count(*) filter (where transferred)::int as transfers,
      count(*) filter (where handled)::int as handled,
      coalesce(sum(wait) filter (where outcome = 'answered'), 0)::float8 as answer_wait_seconds,
      coalesce(sum(handle_seconds) filter (where handled), 0)::float8 as handle_seconds
    from ep join queues qs on qs.id = ep.queue_id cross join wall_settings s
    group by ep.queue_id, ep.channel, ep.period
    order by ep.period nulls first, ep.queue_id, ep.channel`;
  return rows;
}
