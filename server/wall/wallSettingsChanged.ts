import type { AppContext } from '../context';
import { wallHintChannel } from '../realtime/publisher';
import { rooms } from '../realtime/rooms';

type SettingsContext = Pick<AppContext, 'sql' | 'redis' | 'publisher' | 'config'>;

/**
 * After a change of the wall's settings commits: every supervisor's console re-reads the thresholds (`wall.settings`),
 * and the wall recomputes the queues' figures and levels, pushing them with any threshold crossing (wallPush.ts),
 * through the same hint channel the publisher uses for contacts. No contact needs to move for the wall to follow.
 */
export async function announceWallSettingsChanged(ctx: SettingsContext, queueIds: string[] | 'every queue') {
  ctx.publisher.emit([rooms.anySupervisor], 'wall.settings', { at: new Date().toISOString() });
  const ids =
    queueIds === 'every queue' ? (await ctx.sql<{ id: string }[]>`select id from queues`).map((q) => q.id) : queueIds;
  if (ids.length)
    await ctx.redis.publish(wallHintChannel(ctx.config.REDIS_PREFIX), ids.map((id) => `q:${id}`).join(','));
}
