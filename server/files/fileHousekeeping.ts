import type { AppContext } from '../context';
import { moveDiskFiles } from './moveDiskFiles';
import { removeUnfinishedFiles } from './postgresFileStore';

/**
 * Run by every process at start-up, in the background (start-up does not wait for it): the rows of PostgreSQL
 * writes that a dead process never finished are removed, and files an older version kept under this machine's
 * DATA_DIR are moved into the store. Stopping waits for the file being moved, not for the rest.
 */
export function startFileHousekeeping(ctx: Pick<AppContext, 'sql' | 'files' | 'config' | 'log'>) {
  const stopping = new AbortController();
  const running = (async () => {
    if (ctx.files.kind === 'postgres') {
      const removed = await removeUnfinishedFiles(ctx.sql);
      if (removed) ctx.log.info({ removed }, 'unfinished file writes removed from the file store');
    }
    await moveDiskFiles({ ...ctx, dataDir: ctx.config.DATA_DIR, signal: stopping.signal });
  })().catch((err: unknown) =>
    ctx.log.warn({ err }, 'file store housekeeping failed; it runs again at the next start'),
  );
  return {
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
