import { performance } from 'node:perf_hooks';
import { createSql } from '../../../server/db/client';
import { sleep } from './benchLifetime';

export interface StarvationFigures {
  samples: number;
  /** The mean time between samples (ms): the resolution of every figure below. */
  meanIntervalMs: number;
  /** Per ticket, the total time it waited unoffered while a free slot was there for it (ms). */
  starvedMs: Map<string, number>;
  /** Most tickets seen waiting unoffered at once; most and fewest free SMS slots of available agents at once. */
  maxWaiting: number;
  maxFreeSlots: number;
  minFreeSlots: number;
  /** The most any agent held above their SMS capacity (assigned open tickets + pending offers); 0 is correct. */
  maxOverCapacity: number;
  /** Samples that failed (the figure is then coarser); the last error is kept to be printed. */
  failedSamples: number;
  lastError: string | null;
}

/**
 * Every `intervalMs`, one snapshot (one statement, so one consistent view) of the floor: the free SMS slots of
 * available agents (capacity − open assigned SMS tickets − pending SMS offers; every agent is eligible here), and
 * the waiting tickets that have no pending offer, in the order routing serves them. With N free slots, the first
 * N waiting tickets are starved: a slot is there for each of them and nobody has offered it. A ticket's starved
 * time adds up over consecutive samples in which it is starved.
 */
export function startStarvationSampler(databaseUrl: string, intervalMs = 100) {
  const sql = createSql(databaseUrl, { max: 1 });
  const figures: StarvationFigures = {
    samples: 0,
    meanIntervalMs: 0,
    starvedMs: new Map(),
    maxWaiting: 0,
    maxFreeSlots: 0,
    minFreeSlots: Number.POSITIVE_INFINITY,
    maxOverCapacity: 0,
    failedSamples: 0,
    lastError: null,
  };
  let running = true;
  const loop = (async () => {
    let previous = new Set<string>();
    let previousAt: number | null = null;
    let firstAt: number | null = null;
    while (running) {
      const before = performance.now();
      const [row] = await snapshot().catch((err: Error) => {
        figures.failedSamples++;
        figures.lastError = err.message;
        return [null];
      });
      if (row) {
        const at = (before + performance.now()) / 2;
        const starved = new Set(row.starved);
        if (previousAt !== null)
          for (const id of starved)
            if (previous.has(id)) figures.starvedMs.set(id, (figures.starvedMs.get(id) ?? 0) + at - previousAt);
        figures.samples++;
        firstAt ??= at;
        figures.meanIntervalMs = figures.samples > 1 ? (at - firstAt) / (figures.samples - 1) : 0;
        figures.maxWaiting = Math.max(figures.maxWaiting, row.waiting);
        figures.maxFreeSlots = Math.max(figures.maxFreeSlots, row.freeSlots);
        figures.minFreeSlots = Math.min(figures.minFreeSlots, row.freeSlots);
        figures.maxOverCapacity = Math.max(figures.maxOverCapacity, row.overCapacity);
        previous = starved;
        previousAt = at;
      }
      await sleep(Math.max(0, intervalMs - (performance.now() - before)));
    }
  })();
  function snapshot() {
    return sql<{ freeSlots: number; overCapacity: number; waiting: number; starved: string[] }[]>`
      with load as (
        select u.presence = 'available' as available, u.capacity_sms as capacity,
          (select count(*) from tickets t where t.assignee_id = u.id and t.channel = 'sms' and t.status not in ('resolved', 'closed'))
          + (select count(*) from offers o where o.agent_id = u.id and o.channel = 'sms' and o.status = 'pending') as used
        from users u where u.role = 'agent' and u.active
      ), floor as (
        select coalesce(sum(greatest(capacity - used, 0)) filter (where available), 0)::int as free_slots,
               coalesce(max(used - capacity), 0)::int as over_capacity
        from load
      ), waiting as (
        select t.id, row_number() over (order by case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end, t.queued_at, t.number) as place
        from tickets t
        where t.channel = 'sms' and t.queue_id is not null and t.assignee_id is null and t.status not in ('resolved', 'closed')
          and (t.routable_after is null or t.routable_after <= now())
          and not exists (select 1 from offers o where o.ticket_id = t.id and o.status = 'pending')
      )
      select floor.free_slots, floor.over_capacity,
        (select count(*) from waiting)::int as waiting,
        coalesce((select array_agg(w.id::text) from waiting w where w.place <= floor.free_slots), '{}') as starved
      from floor`;
  }
  return {
    figures,
    async stop() {
      running = false;
      await loop;
      await sql.end({ timeout: 2 });
      return figures;
    },
  };
}
