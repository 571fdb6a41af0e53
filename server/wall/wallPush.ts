import type { AppContext } from '../context';
import type { FigureLevel, QueueFigures, ThresholdFigure } from '../http/wallApiTypes';
import { wallHintChannel } from '../realtime/publisher';
import { rooms } from '../realtime/rooms';
import { agentGridRows } from './agentGrid';
import { computeWallFigures, wallQueues } from './wallFigures';
import { thresholdFor } from './thresholdLevels';
import { listThresholds } from './wallSettings';

/** Changes within this window are pushed together: one recompute per queue (and per agent) per window. */
const COALESCE_MS = 50;
/** The claim outlives no window: an event after a recompute started always gets a recompute of its own. */
const CLAIM_MS = 40;

type WallContext = Pick<AppContext, 'sql' | 'redis' | 'publisher' | 'config' | 'log'>;

/**
 * Pushes the wall's figures within 250 ms of the facts that change them, without polling. Facts are written by
 * triggers (migration 023); the publisher hints which queues and agents changed whenever their consoles are told of a
 * change, after it committed (server/realtime/publisher.ts). Every realtime process subscribes; each gathers the
 * hints of a short window, and for each queue or agent the process that claims it in Redis first recomputes it and
 * pushes it to the supervisors' rooms. A process whose claim loses also got the hint the winner reads after, so
 * nothing is missed, and nothing is pushed twice.
 *
 * Only a process with a supervisor's console connected to it takes part (`watchedHere`): with no one watching, the
 * floor's every contact would otherwise recompute figures nobody sees. A supervisor who opens the wall reads it whole
 * over the API, then gets the pushes.
 */
export async function startWallPush(ctx: WallContext, watchedHere: () => boolean) {
  const pendingQueues = new Set<string>();
  const pendingAgents = new Set<string>();
  const waitTimers = new Map<string, NodeJS.Timeout>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      const queues = [...pendingQueues];
      const agents = [...pendingAgents];
      pendingQueues.clear();
      pendingAgents.clear();
      running = running
        .then(() => flush(ctx, queues, agents, watchLongestWait))
        .catch((err: Error) => ctx.log.warn({ err: err.message }, 'wall push failed'));
    }, COALESCE_MS);
  };

  /** Longest wait grows with no event: the queue is recomputed when it crosses its next threshold. */
  const watchLongestWait = (queueId: string, atMs: number | null) => {
    clearTimeout(waitTimers.get(queueId));
    waitTimers.delete(queueId);
    if (atMs === null || stopped) return;
    const t = setTimeout(
      () => {
        waitTimers.delete(queueId);
        pendingQueues.add(queueId);
        schedule();
      },
      Math.max(0, atMs - Date.now()),
    );
    t.unref();
    waitTimers.set(queueId, t);
  };

  const subscriber = ctx.redis.duplicate();
  subscriber.on('message', (_channel: string, message: string) => {
    if (!watchedHere()) return;
    for (const hint of message.split(',')) {
      const id = hint.slice(2);
      if (hint.startsWith('q:')) pendingQueues.add(id);
      else if (hint.startsWith('a:')) pendingAgents.add(id);
    }
    schedule();
  });
  subscriber.on('error', (err: Error) => ctx.log.warn({ err: err.message }, 'wall hint subscription error'));
  await subscriber.subscribe(wallHintChannel(ctx.config.REDIS_PREFIX));

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const t of waitTimers.values()) clearTimeout(t);
      subscriber.disconnect();
      await running;
    },
  };
}

async function claim(ctx: WallContext, kind: 'q' | 'a', ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const pipeline = ctx.redis.pipeline();
  for (const id of ids) pipeline.set(`${ctx.config.REDIS_PREFIX}:wall:claim:${kind}:${id}`, '1', 'PX', CLAIM_MS, 'NX');
  const results = (await pipeline.exec()) ?? [];
  return ids.filter((_, i) => results[i]?.[1] === 'OK');
}

async function flush(
  ctx: WallContext,
  queueIds: string[],
  agentIds: string[],
  watchLongestWait: (queueId: string, atMs: number | null) => void,
) {
  const [queues, agents] = await Promise.all([claim(ctx, 'q', queueIds), claim(ctx, 'a', agentIds)]);
  await Promise.all([pushQueues(ctx, queues, watchLongestWait), pushAgents(ctx, agents)]);
}

const supervisorRooms = (teamIds: (string | null)[]) => [
  rooms.allSupervisors,
  ...teamIds.filter((t): t is string => t !== null).map(rooms.teamSupervisors),
];

async function pushQueues(
  ctx: WallContext,
  queueIds: string[],
  watchLongestWait: (queueId: string, atMs: number | null) => void,
) {
  if (!queueIds.length) return;
  const queues = await wallQueues(ctx.sql, ctx.sql`q.id = any(${queueIds})`);
  // Occupancy is left out (null): it needs every eligible agent's staffed time, too slow for a push; the consoles
  // re-read it calmly after each push (agent-console/src/realtime/invalidationRules.ts).
  const [figures, thresholds] = await Promise.all([computeWallFigures(ctx.sql, queues, null), listThresholds(ctx.sql)]);
  const at = figures.now.toISOString();
  for (const q of figures.queues) {
    const targets = supervisorRooms([q.teamId]);
    ctx.publisher.emit(targets, 'wall.figures', { at, queues: [q], occupancyIncluded: false });
    for (const crossing of await levelChanges(ctx, q))
      ctx.publisher.emit(targets, 'wall.threshold', { ...crossing, at });
    // The next longest-wait threshold this queue's oldest contact will cross, if any.
    const t = thresholdFor(thresholds, q.queueId, 'longestWaitSeconds');
    const oldest = q.total.today.oldestWaitingSince;
    const next = [t?.warning, t?.critical]
      .filter((limit): limit is number => typeof limit === 'number')
      // A level is reached on reaching its limit (thresholdLevels.ts): by then the rounded figure has reached it.
      .map((limit) => (oldest ? new Date(oldest).getTime() + limit * 1000 : null))
      .filter((ms): ms is number => ms !== null && ms > Date.now())
      .sort((a, b) => a - b)[0];
    watchLongestWait(q.queueId, next ?? null);
  }
}

/** Compares the queue's levels with the last pushed ones (kept in Redis, so any process can compare). */
async function levelChanges(ctx: WallContext, q: QueueFigures) {
  const key = `${ctx.config.REDIS_PREFIX}:wall:levels:${q.queueId}`;
  const previous = (await ctx.redis.hgetall(key)) as Partial<Record<ThresholdFigure, FigureLevel>>;
  const changes = [];
  for (const [figure, level] of Object.entries(q.total.levels) as [ThresholdFigure, FigureLevel][]) {
    const before = previous[figure] ?? 'normal';
    if (before !== level)
      changes.push({
        queueId: q.queueId,
        queueName: q.queueName,
        figure,
        level,
        previousLevel: before,
        value: q.total.today[figure],
      });
  }
  if (changes.length) await ctx.redis.hset(key, q.total.levels);
  return changes;
}

async function pushAgents(ctx: WallContext, agentIds: string[]) {
  if (!agentIds.length) return;
  const rows = await agentGridRows(
    ctx.sql,
    ctx.sql`u.id = any(${agentIds}) and u.role = 'agent'`,
    ctx.config.AFTER_CALL_WORK_SECONDS,
  );
  for (const row of rows) ctx.publisher.emit(supervisorRooms(row.teamIds), 'wall.agent', row);
}
