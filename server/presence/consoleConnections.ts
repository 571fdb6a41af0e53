import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../context';
import {
  recordConnected,
  recordDisconnected,
  recordHeartbeat,
  recordInstanceClosed,
  type ConsoleConnection,
} from './connectionQueries';
import { HEARTBEAT_MS } from './presenceTiming';
import { sweepDepartedAgents } from './sweepDepartedAgents';

// Timers can fire a little early; checking just after the grace spares a miss that the next sweep would catch.
const CHECK_MARGIN_MS = 250;

/**
 * One realtime process's share of presence, kept in Postgres so that no process owns it: each console's
 * connect and disconnect is recorded, and every HEARTBEAT_MS one statement vouches for all the consoles this
 * process holds, then a sweep sets offline the agents left without any (also those of a process that died).
 * After a disconnect, the agent is checked as soon as the grace period is over, so a clean disconnect does
 * not wait for a sweep.
 */
export function trackConsoleConnections(ctx: AppContext, localConnections: () => ConsoleConnection[]) {
  const instanceId = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const graceChecks = new Map<string, NodeJS.Timeout>();
  let closed = false;
  let beatTimer: NodeJS.Timeout | undefined;
  let beating: Promise<void> = Promise.resolve();

  const warn =
    (what: string, extra: object = {}) =>
    (err: unknown) =>
      ctx.log.warn({ err, ...extra }, what);

  function scheduleBeat() {
    beatTimer = setTimeout(() => {
      beating = (async () => {
        await recordHeartbeat(ctx.sql, instanceId, localConnections()).catch(warn('presence heartbeat failed'));
        await sweepDepartedAgents(ctx).catch(warn('presence sweep failed'));
      })();
      void beating.then(() => {
        if (!closed) scheduleBeat();
      });
    }, HEARTBEAT_MS);
  }
  scheduleBeat();

  function scheduleGraceCheck(userId: string) {
    clearTimeout(graceChecks.get(userId));
    const timer = setTimeout(
      () => {
        graceChecks.delete(userId);
        sweepDepartedAgents(ctx, userId).catch(warn('presence grace check failed', { userId }));
      },
      ctx.config.PRESENCE_GRACE_SECONDS * 1000 + CHECK_MARGIN_MS,
    );
    graceChecks.set(userId, timer);
  }

  return {
    instanceId,
    connected(connection: ConsoleConnection) {
      clearTimeout(graceChecks.get(connection.userId));
      graceChecks.delete(connection.userId);
      recordConnected(ctx.sql, instanceId, connection).catch(
        warn('could not record a console connecting', { userId: connection.userId }),
      );
    },
    disconnected(connection: ConsoleConnection) {
      if (closed) return;
      // The check starts once the disconnect is written, so the grace is counted from the time it records.
      void recordDisconnected(ctx.sql, instanceId, connection)
        .catch(warn('could not record a console disconnecting', { userId: connection.userId }))
        .then(() => {
          if (!closed) scheduleGraceCheck(connection.userId);
        });
    },
    /**
     * Shutting down: this process's consoles count as gone from now, so their agents keep their state for the
     * grace period, in which the consoles reconnect to another process; any process's sweep settles the rest.
     */
    async close() {
      closed = true;
      clearTimeout(beatTimer);
      for (const timer of graceChecks.values()) clearTimeout(timer);
      graceChecks.clear();
      await beating;
      await recordInstanceClosed(ctx.sql, instanceId).catch(warn('could not record this process’s consoles as gone'));
    },
  };
}
