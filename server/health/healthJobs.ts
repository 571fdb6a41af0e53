import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { loadHealthSettings } from './healthSettings';
import { refreshCustomerHealth } from './refreshCustomerHealth';

// Requests for one customer within this window share a job: a burst of answers and contacts is one computation.
const COALESCE_MS = 2_000;
// How far back each sweep looks again, so a ticket committed while the last sweep ran is not missed.
const SWEEP_OVERLAP_SECONDS = 10;
// At most this many customers a sweep; the rest wait for the next one (their tickets stay recently updated).
const SWEEP_BATCH = 500;

/** Asks a worker to recompute the customer's health soon (the score, the "at risk" tag and alert). */
export function requestHealthRefresh(ctx: Pick<AppContext, 'queues'>, customerId: string) {
  const bucket = Math.floor(Date.now() / COALESCE_MS);
  return ctx.queues.timers.add('refresh-customer-health', { customerId }, { jobId: `health-${customerId}-${bucket}` });
}

export const refreshCustomerHealthTask: Task<{ customerId: string }> = {
  queue: 'timers',
  name: 'refresh-customer-health',
  perform: (ctx, { customerId }) => refreshCustomerHealth(ctx, customerId),
};

/**
 * Health follows what happens to customers without each feature calling in: every sweep recomputes the customers
 * whose tickets changed since the last one (a contact, a resolve, an SLA breach, an opt-out all touch a ticket), and
 * re-checks at-risk customers computed more than an hour ago so they can recover. The watermark is a row, so a
 * Redis flush or a new process loses nothing.
 */
export async function sweepCustomerHealth(ctx: AppContext) {
  const [mark] = await ctx.sql<{ sweptUntil: Date }[]>`select swept_until from health_sweeps where id`;
  const [{ now }] = await ctx.sql<{ now: Date }[]>`select now() as now`;
  const since = mark?.sweptUntil ?? new Date(now.getTime() - 60 * 60 * 1000);
  const customers = await ctx.sql<{ customerId: string }[]>`
    select customer_id from (
      select distinct t.customer_id from tickets t
      where t.updated_at > ${since}::timestamptz - make_interval(secs => ${SWEEP_OVERLAP_SECONDS})
      union
      select customer_id from customer_health where at_risk and computed_at < now() - interval '1 hour'
    ) c limit ${SWEEP_BATCH}`;
  const settings = await loadHealthSettings(ctx.sql);
  for (const { customerId } of customers) await refreshCustomerHealth(ctx, customerId, settings);
  if (customers.length < SWEEP_BATCH)
    await ctx.sql`
      insert into health_sweeps (id, swept_until) values (true, ${now})
      on conflict (id) do update set swept_until = excluded.swept_until`;
  return { customers: customers.length };
}

export const sweepCustomerHealthTask: Task<Record<string, never>> = {
  queue: 'timers',
  name: 'sweep-customer-health',
  schedule: () => ({ every: 15_000 }),
  perform: (ctx) => sweepCustomerHealth(ctx),
};
