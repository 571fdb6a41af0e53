import type { AppContext } from '../context';
import { rooms } from '../realtime/rooms';

type SettingsContext = Pick<AppContext, 'sql' | 'publisher'>;

/**
 * After a change of the wall's settings commits: every supervisor's console re-reads the thresholds (`wall.settings`),
 * and the wall recomputes the queues' figures and levels, pushing them with any threshold crossing (wallPush.ts),
 * hinted by the publisher as for contacts. No contact needs to move for the wall to follow.
 */
export async function announceWallSettingsChanged(ctx: SettingsContext, queueIds: string[] | 'every queue') {
  ctx.publisher.emit([rooms.anySupervisor], 'wall.settings', { at: new Date().toISOString() });
  const ids =
    queueIds === 'every queue' ? (await ctx.sql<{ id: string }[]>`select id from queues`).map((q) => q.id) : queueIds;
  ctx.publisher.hintWallQueues(ids);
}
