import type { SessionUser } from '../auth/sessions';
import type { Sql, SqlFragment, TransactionSql } from '../db/client';
import { CHANNELS, type Channel } from '../http/apiTypes';
import type {
  ChannelOccupancy,
  QueueFigures,
  ThresholdView,
  WallFiguresResponse,
  WindowFigures,
} from '../http/wallApiTypes';
import { agentActivity, occupancyOf } from './agentActivity';
import { countEpisodes, type EpisodeCountRow } from './episodeCounts';
import { NO_EPISODES, addSums, addWaiting, figureSet, type EpisodeSums, type WaitingNow } from './figureSet';
import { occupancyRatio, segmentOccupancy, type SegmentOccupancyRow } from './segmentOccupancy';
import { levelsOf } from './thresholdLevels';
import { listThresholds } from './wallSettings';

const LAST_MINUTES = 30;

export interface WallQueue {
  id: string;
  name: string;
  teamId: string | null;
  serviceLevelSeconds: number;
  /** Today's start: the reset time in the queue's time zone, today or yesterday, whichever passed last. */
  todaySince: Date;
}

/** Queues a viewer watches: a supervisor's teams' queues, every queue for an admin. */
export const watchedQueuesCondition = (sql: Sql | TransactionSql, viewer: Pick<SessionUser, 'role' | 'userId'>) =>
  viewer.role === 'admin'
    ? sql`true`
    : sql`q.team_id in (select team_id from team_members where user_id = ${viewer.userId})`;

export function wallQueues(sql: Sql, where: SqlFragment) {
  return sql<WallQueue[]>`
    select q.id, q.name, q.team_id, q.service_level_seconds,
      (case when (now() at time zone q.stats_timezone)::time >= q.stats_reset_time
            then (now() at time zone q.stats_timezone)::date else (now() at time zone q.stats_timezone)::date - 1 end
        + q.stats_reset_time) at time zone q.stats_timezone as today_since
    from queues q where ${where} order by q.name`;
}

/** Contacts waiting now per queue and channel: unassigned open tickets in a queue, routable now. */
function waitingNow(sql: Sql, queueIds: string[]) {
  return sql<{ queueId: string; channel: Channel; waiting: number; oldestWaitingSince: Date | null }[]>`
    select queue_id, channel, count(*)::int as waiting, min(waiting_since) as oldest_waiting_since
    from tickets
    where queue_id = any(${queueIds}) and assignee_id is null and status not in ('resolved', 'closed')
      and waiting_since is not null and (routable_after is null or routable_after <= now())
    group by queue_id, channel`;
}

type Cell = { sums: EpisodeSums; waiting: WaitingNow };
const emptyCell = (): Cell => ({ sums: NO_EPISODES, waiting: { waiting: 0, oldestWaitingSince: null } });

const NO_CHANNEL_OCCUPANCY = Object.fromEntries(
  CHANNELS.map((c) => [c, { today: null, last30Minutes: null }]),
) as ChannelOccupancy;

/**
 * The live figures of these queues, per channel and summed, in both windows, with their levels. Occupancy needs every
 * eligible agent's staffed time: it is measured for a read (`agentIds`, the watched agents the total is over), not for
 * a push (`agentIds` null: occupancy left out, and null).
 */
export async function computeWallFigures(sql: Sql, queues: WallQueue[], agentIds: string[] | null) {
  const now = new Date();
  const since30 = new Date(now.getTime() - LAST_MINUTES * 60_000);
  if (!queues.length)
    return {
      now,
      queues: [] as QueueFigures[],
      total: totalOf([], now, null, null, []),
      channelOccupancy: NO_CHANNEL_OCCUPANCY,
    };
  const ids = queues.map((q) => q.id);
  const sinces = queues.map((q) => q.todaySince);
  // postgres.js sends arrays of text: the instants go as ISO strings.
  const sinceTexts = sinces.map((d) => d.toISOString());
  const earliest = new Date(Math.min(...sinces.map((d) => d.getTime()), since30.getTime()));
  const [today, last30, waiting, thresholds, activity, segments] = await Promise.all([
    countEpisodes(
      sql,
      sql`q.queue_id = any(${ids}) and q.at >= (
            select w.since from unnest(${ids}::uuid[], ${sinceTexts}::timestamptz[]) as w(id, since) where w.id = q.queue_id)`,
    ),
    countEpisodes(sql, sql`q.queue_id = any(${ids}) and q.at >= ${since30}`),
    waitingNow(sql, ids),
    listThresholds(sql),
    agentActivity(sql, agentIds ?? [], [
      { start: earliest, end: now },
      { start: since30, end: now },
    ]),
    agentIds === null
      ? ([] as SegmentOccupancyRow[])
      : segmentOccupancy(sql, ids, [
          ...queues.flatMap((q) => [
            { key: `today:${q.id}`, queueId: q.id, start: q.todaySince, end: now },
            { key: `last30:${q.id}`, queueId: q.id, start: since30, end: now },
          ]),
          // Channels over every watched queue: today from the earliest reset, as the total.
          { key: 'today', queueId: null, start: earliest, end: now },
          { key: 'last30', queueId: null, start: since30, end: now },
        ]),
  ]);
  const occupancyToday = occupancyOf(activity.filter((a) => a.period.getTime() === earliest.getTime()));
  const occupancy30 = occupancyOf(activity.filter((a) => a.period.getTime() === since30.getTime()));

  const cells = (rows: EpisodeCountRow[], queueId: string, channel: Channel | null) =>
    rows
      .filter((r) => r.queueId === queueId && (channel === null || r.channel === channel))
      .reduce((acc, r) => addSums(acc, r), NO_EPISODES);
  const waitingOf = (queueId: string, channel: Channel | null) =>
    waiting
      .filter((w) => w.queueId === queueId && (channel === null || w.channel === channel))
      .reduce((acc, w) => addWaiting(acc, w), emptyCell().waiting);

  const occupancy = (key: string, queueId: string | null, channel: Channel | null) =>
    occupancyRatio(
      segments.find(
        (r) =>
          r.key === key &&
          r.level === (queueId ? (channel ? 'queueChannel' : 'queue') : 'channel') &&
          r.queueId === queueId &&
          r.channel === channel,
      ),
    );

  const windowFigures = (queueId: string, channel: Channel | null): WindowFigures => {
    const w = waitingOf(queueId, channel);
    const todaySet = figureSet(cells(today, queueId, channel), w, occupancy(`today:${queueId}`, queueId, channel), now);
    return {
      today: todaySet,
      last30Minutes: figureSet(
        cells(last30, queueId, channel),
        w,
        occupancy(`last30:${queueId}`, queueId, channel),
        now,
      ),
      levels: levelsOf(todaySet, thresholds, queueId),
    };
  };

  const result: QueueFigures[] = queues.map((q) => ({
    queueId: q.id,
    queueName: q.name,
    teamId: q.teamId,
    serviceLevelSeconds: q.serviceLevelSeconds,
    todaySince: q.todaySince.toISOString(),
    total: windowFigures(q.id, null),
    byChannel: Object.fromEntries(CHANNELS.map((c) => [c, windowFigures(q.id, c)])) as Record<Channel, WindowFigures>,
  }));
  const total = totalOf(
    queues.map((q) => ({
      today: cells(today, q.id, null),
      last30: cells(last30, q.id, null),
      waiting: waitingOf(q.id, null),
    })),
    now,
    occupancyToday,
    occupancy30,
    thresholds,
  );
  const channelOccupancy = Object.fromEntries(
    CHANNELS.map((c) => [c, { today: occupancy('today', null, c), last30Minutes: occupancy('last30', null, c) }]),
  ) as ChannelOccupancy;
  return { now, queues: result, total, channelOccupancy };
}

function totalOf(
  parts: { today: EpisodeSums; last30: EpisodeSums; waiting: WaitingNow }[],
  now: Date,
  occupancyToday: number | null,
  occupancy30: number | null,
  thresholds: ThresholdView[],
): WindowFigures {
  const sum = parts.reduce(
    (acc, p) => ({
      today: addSums(acc.today, p.today),
      last30: addSums(acc.last30, p.last30),
      waiting: addWaiting(acc.waiting, p.waiting),
    }),
    { today: NO_EPISODES, last30: NO_EPISODES, waiting: emptyCell().waiting },
  );
  const today = figureSet(sum.today, sum.waiting, occupancyToday, now);
  return {
    today,
    last30Minutes: figureSet(sum.last30, sum.waiting, occupancy30, now),
    levels: levelsOf(today, thresholds, null),
  };
}

/** Agents on the teams of these queues (every agent for an admin's view of every queue). */
export async function agentsOfViewer(sql: Sql, viewer: Pick<SessionUser, 'role' | 'userId'>) {
  const rows = await sql<{ id: string }[]>`
    select u.id from users u where u.role = 'agent' and u.active and ${
      viewer.role === 'admin'
        ? sql`true`
        : sql`u.id in (select m.user_id from team_members m where m.team_id in (select team_id from team_members where user_id = ${viewer.userId}))`
    }`;
  return rows.map((r) => r.id);
}

export async function wallFiguresFor(
  sql: Sql,
  viewer: Pick<SessionUser, 'role' | 'userId'>,
): Promise<WallFiguresResponse> {
  const [queues, agentIds] = await Promise.all([
    wallQueues(sql, watchedQueuesCondition(sql, viewer)),
    agentsOfViewer(sql, viewer),
  ]);
  const figures = await computeWallFigures(sql, queues, agentIds);
  return {
    at: figures.now.toISOString(),
    queues: figures.queues,
    total: figures.total,
    channelOccupancy: figures.channelOccupancy,
  };
}
