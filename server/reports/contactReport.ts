import type { SessionUser } from '../auth/sessions';
import type { Sql } from '../db/client';
import type { Channel } from '../http/apiTypes';
import type { ContactReportResponse, ContactReportRow } from '../http/wallApiTypes';
import { countEpisodes } from '../wall/episodeCounts';
import { NO_EPISODES, addSums, figureSet, type EpisodeSums } from '../wall/figureSet';
import { occupancyRatio, segmentOccupancy } from '../wall/segmentOccupancy';
import { watchedQueuesCondition } from '../wall/wallFigures';
import { periodOf, periodsOf, type ReportQuery } from './reportPeriods';

const NOBODY_WAITING = { waiting: 0, oldestWaitingSince: null };

function rowFigures(sums: EpisodeSums, occupancy: number | null) {
  const f = figureSet(sums, NOBODY_WAITING, occupancy, new Date());
  return {
    offered: f.offered,
    answered: f.answered,
    answeredWithinThreshold: f.answeredWithinThreshold,
    abandoned: f.abandoned,
    shortAbandoned: f.shortAbandoned,
    callbacks: f.callbacks,
    transfers: f.transfers,
    handled: f.handled,
    serviceLevel: f.serviceLevel,
    asaSeconds: f.asaSeconds,
    ahtSeconds: f.ahtSeconds,
    abandonRate: f.abandonRate,
    occupancy: f.occupancy,
  };
}

/**
 * Contacts by interval, queue and channel, counted as the live wall counts them (server/wall/episodeCounts.ts):
 * in the interval they entered the queue in. A supervisor sees their teams' queues only. Occupancy is the queue's
 * channel's over the interval (server/wall/segmentOccupancy.ts), and in the totals over the whole range and every
 * queue reported (the channel asked for, if one is).
 */
export async function contactReport(
  sql: Sql,
  viewer: Pick<SessionUser, 'role' | 'userId'>,
  q: ReportQuery & { queueId?: string; channel?: Channel },
): Promise<ContactReportResponse> {
  const from = new Date(q.from);
  const to = new Date(q.to);
  const rows = await countEpisodes(
    sql,
    sql`q.at >= ${from} and q.at < ${to}
      and q.queue_id in (select q.id from queues q where ${watchedQueuesCondition(sql, viewer)})
      ${q.queueId ? sql`and q.queue_id = ${q.queueId}` : sql``}
      ${q.channel ? sql`and q.channel = ${q.channel}` : sql``}`,
    periodOf(sql, sql`q.at`, q),
  );
  const [queues, periods] = await Promise.all([
    sql<{ id: string; name: string; watched: boolean }[]>`
      select q.id, q.name, ${watchedQueuesCondition(sql, viewer)} as watched from queues q`,
    periodsOf(sql, q),
  ]);
  const names = new Map(queues.map((r) => [r.id, r.name]));
  const scope = queues.filter((r) => r.watched && (!q.queueId || r.id === q.queueId)).map((r) => r.id);
  const reported = new Set(rows.map((r) => r.period!.getTime()));
  const occupancy = await segmentOccupancy(sql, scope, [
    ...periods
      .filter((p) => reported.has(p.label.getTime()))
      .map((p) => ({ key: p.label.toISOString(), queueId: null, start: p.start, end: p.end })),
    { key: 'range', queueId: null, start: from, end: to },
  ]);
  const occupancyOf = (key: string, queueId: string | null, channel: Channel | null) =>
    occupancyRatio(
      occupancy.find(
        (o) =>
          o.key === key &&
          o.queueId === queueId &&
          o.channel === channel &&
          o.level === (queueId ? (channel ? 'queueChannel' : 'queue') : channel ? 'channel' : 'all'),
      ),
    );
  const out: ContactReportRow[] = rows.map((r) => ({
    period: r.period!.toISOString(),
    queueId: r.queueId,
    queueName: names.get(r.queueId) ?? null,
    channel: r.channel,
    ...rowFigures(r, occupancyOf(r.period!.toISOString(), r.queueId, r.channel)),
  }));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    interval: q.interval,
    timezone: q.timezone,
    rows: out,
    totals: rowFigures(
      rows.reduce((acc: EpisodeSums, r) => addSums(acc, r), NO_EPISODES),
      occupancyOf('range', null, q.channel ?? null),
    ),
  };
}
