import { setPresence } from '../commands/setPresence';
import type { AppContext } from '../context';
import { departedUsers, forgetEndedConnections, forgetEndedConnectionsOfPresentUsers } from './connectionQueries';

type SweepContext = Parameters<typeof setPresence>[0] & Pick<AppContext, 'sql' | 'config' | 'log'>;

/**
 * Sets offline every agent whose consoles have all been gone for PRESENCE_GRACE_SECONDS, on whichever
 * process they were and whether it closed them or died, then forgets the connections that decide nothing
 * any more. Any process may run it at any time, as often as it likes: a rerun finds nobody new.
 * With `onlyUserId`, checks that one agent (the realtime process's own check after a disconnect).
 *
 * Users who never had a console row (signed in over the API only) are left alone, as before. A console
 * connecting between the read and the update below would still see its agent set offline; the window is
 * one round trip at the very end of the grace period, and the console shows the change.
 */
export async function sweepDepartedAgents(ctx: SweepContext, onlyUserId?: string) {
  const grace = ctx.config.PRESENCE_GRACE_SECONDS;
  const departed = await departedUsers(ctx.sql, grace, onlyUserId);
  const settled: string[] = [];
  let setOffline = 0;
  for (const user of departed) {
    try {
      if (user.presence !== 'offline') {
        await setPresence(ctx, user.userId, 'offline', 'disconnected');
        setOffline++;
      }
      settled.push(user.userId);
    } catch (err) {
      // Their rows stay, so the next sweep tries again.
      ctx.log.warn({ err, userId: user.userId }, 'could not set a departed agent offline');
    }
  }
  await forgetEndedConnections(ctx.sql, settled, grace);
  if (!onlyUserId) await forgetEndedConnectionsOfPresentUsers(ctx.sql, grace);
  return { setOffline };
}
