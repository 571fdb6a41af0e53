import type { SessionUser } from '../auth/sessions';
import type { Sql } from '../db/client';
import type { Channel } from '../http/apiTypes';
import type { ContactReportResponse, ContactReportRow } from '../http/wallApiTypes';
import { countEpisodes } from '../wall/episodeCounts';
import { NO_EPISODES, addSums, figureSet, type EpisodeSums } from '../wall/figureSet';
import { watchedQueuesCondition } from '../wall/wallFigures';
import { periodOf, type ReportQuery } from './reportPeriods';

const NOBODY_WAITING = { waiting: 0, oldestWaitingSince: null };

function rowFigures(sums: EpisodeSums) {
  const f = figureSet(sums, NOBODY_WAITING, null, new Date());
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
  };
}

/**
 * Contacts by interval, queue and channel, counted as the live wall counts them (server/wall/episodeCounts.ts):
 * in the interval they entered the queue in. A supervisor sees their teams' queues only.
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
  const names = new Map(
    (await sql<{ id: string; name: string }[]>`select id, name from queues`).map((r) => [r.id, r.name]),
  );
  const out: ContactReportRow[] = rows.map((r) => ({
    period: r.period!.toISOString(),
    queueId: r.queueId,
    queueName: names.get(r.queueId) ?? null,
    channel: r.channel,
    ...rowFigures(r),
  }));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    interval: q.interval,
    timezone: q.timezone,
    rows: out,
    totals: rowFigures(rows.reduce((acc: EpisodeSums, r) => addSums(acc, r), NO_EPISODES)),
  };
}
