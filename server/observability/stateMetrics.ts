import { Gauge, Registry } from 'prom-client';
import type { AppContext } from '../context';
import type { Sql } from '../db/client';
import { QUEUE_NAMES } from '../queues/queues';
import { isWaiting } from '../routing/routingInputs';

const READ_TIMEOUT_MS = 2000;
const JOB_STATES = ['wait', 'prioritized', 'active', 'delayed', 'failed'] as const;

interface WaitingByQueue {
  queue: string;
  waiting: number;
  oldestWaitSeconds: number;
}

/**
 * Tickets waiting for an agent in each queue (as routing sees them: unassigned, open, routable now, not on
 * offer) and how long the oldest has waited. One grouped query per scrape; empty queues report 0.
 */
function readWaitingByQueue(sql: Sql) {
  return sql<WaitingByQueue[]>`
    select q.name as queue, count(t.id)::int as waiting,
           coalesce(extract(epoch from now() - min(t.waiting_since)), 0)::float8 as oldest_wait_seconds
    from queues q
    left join tickets t on t.queue_id = q.id and ${isWaiting(sql)}
    group by q.id, q.name`;
}

const withTimeout = <T>(p: Promise<T>) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS).unref(),
    ),
  ]);

/** The gauges' collectors run concurrently on a scrape: they share one read, fresh for a second. */
function sharedRead<T>(read: () => Promise<T>, freshMs = 1000) {
  let last: { at: number; value: Promise<T> } | null = null;
  return () => {
    if (!last || Date.now() - last.at > freshMs) last = { at: Date.now(), value: withTimeout(read()) };
    return last.value;
  };
}

/**
 * This process's view of the contact center, read from Postgres and Redis when /metrics is scraped. The figures
 * are deployment-wide, so every process reports the same values: aggregate them with max(), not sum().
 * A read that fails leaves its series out of that scrape (and is logged) rather than failing the scrape.
 */
export function createStateMetrics(ctx: AppContext) {
  const registry = new Registry();
  const waitingNow = sharedRead(() => readWaitingByQueue(ctx.sql));

  const fromRead = async <T>(gauge: Gauge<string>, what: string, read: () => Promise<T>, set: (value: T) => void) => {
    gauge.reset();
    try {
      set(await read());
    } catch (err) {
      ctx.log.warn({ err: (err as Error).message }, `metrics: ${what} could not be read`);
    }
  };

  new Gauge({
    name: 'switchboard_waiting_tickets',
    help: 'Tickets waiting for an agent (not on offer), per queue',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      await fromRead(this, 'waiting tickets', waitingNow, (rows) =>
        rows.forEach((r) => this.set({ queue: r.queue }, r.waiting)),
      );
    },
  });
  new Gauge({
    name: 'switchboard_oldest_wait_seconds',
    help: 'How long the longest-waiting ticket of each queue has waited for an agent (0 when none waits)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      await fromRead(this, 'waiting tickets', waitingNow, (rows) =>
        rows.forEach((r) => this.set({ queue: r.queue }, r.oldestWaitSeconds)),
      );
    },
  });
  new Gauge({
    name: 'switchboard_queue_jobs',
    help: 'BullMQ jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const read = () =>
        withTimeout(
          Promise.all(
            QUEUE_NAMES.map(async (queue) => ({ queue, counts: await ctx.queues[queue].getJobCounts(...JOB_STATES) })),
          ),
        );
      await fromRead(this, 'job counts', read, (all) => {
        for (const { queue, counts } of all)
          for (const state of JOB_STATES) this.set({ queue, state }, counts[state] ?? 0);
      });
    },
  });
  return registry;
}

/** Socket.IO connections held by this process (realtime role only). */
export function observeSockets(registry: Registry, connected: () => number) {
  new Gauge({
    name: 'switchboard_sockets_connected',
    help: 'Socket.IO connections held by this process',
    registers: [registry],
    collect() {
      this.set(connected());
    },
  });
}
