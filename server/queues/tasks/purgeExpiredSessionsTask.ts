import { purgeExpiredSessions } from '../../auth/sessions';
import type { Task } from '../task';

export type PurgeExpiredSessionsData = Record<string, never>;

/** Deletes expired sessions every hour. Idempotent: a rerun deletes nothing more. */
export const purgeExpiredSessionsTask: Task<PurgeExpiredSessionsData> = {
  queue: 'maintenance',
  name: 'purge-expired-sessions',
  schedule: () => ({ every: 60 * 60 * 1000 }),
  async perform(ctx) {
    const deleted = await purgeExpiredSessions(ctx.sql);
    if (deleted) ctx.log.info({ deleted }, 'purged expired sessions');
    return { deleted };
  },
};
