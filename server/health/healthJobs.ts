import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { refreshCustomersHealth } from './refreshCustomerHealth';

// Requests for one customer within this window share a job: a burst of answers and contacts is one computation.
const COALESCE_MS = 2_000;
// The lowest ticket id: where the walk starts within the watermark's instant when no ticket was processed yet.
const NO_TICKET = '00000000-0000-0000-0000-000000000000';
// At most this many changed tickets a sweep; the walk goes on from the last of them at the next sweep.
export const SWEEP_BATCH = 500;

/** Asks a worker to recompute the customer's health soon (the score, the "at risk" tag and alert). */
export function requestHealthRefresh(ctx: Pick<AppContext, 'queues'>, customerId: string) {
  const bucket = Math.floor(Date.now() / COALESCE_MS);
  return ctx.queues.timers.add('refresh-customer-health', { customerId }, { jobId: `health-${customerId}-${bucket}` });
}

export const refreshCustomerHealthTask: Task<{ customerId: string }> = {
  queue: 'timers',
  name: 'refresh-customer-health',
  perform: (ctx, { customerId }) => refreshCustomersHealth(ctx, [customerId]),
};

/**
 * Health follows what happens to customers without each feature calling in: every sweep recomputes the customers
 * whose tickets changed since the last one (a contact, a resolve, an SLA breach, an opt-out all touch a ticket), and
 * re-checks at-risk customers computed more than an hour ago so they can recover.
 *
 * Changed tickets are walked in (updated_at, id) order from the watermark, at most SWEEP_BATCH a sweep, and the
 * watermark moves to the last ticket processed: a burst larger than a batch drains over successive sweeps instead of
 * recomputing the same first batch forever. A ticket's updated_at is its transaction's now(), so the walk stops short
 * of the oldest transaction still open: a change stamped before the walk but committed after it is not stepped over.
 * The watermark is a row, so a Redis flush or a new process loses nothing. It travels as text: a timestamptz parameter
 * goes through a JS Date, whose milliseconds would put it before a tie of microseconds it already passed.
 */
export async function sweepCustomerHealth(ctx: AppContext) {
  const [mark] = await ctx.sql<{ sweptUntil: string; sweptTicketId: string | null }[]>`
    select swept_until::text, swept_ticket_id from health_sweeps where id`;
  const tickets = await ctx.sql<{ id: string; customerId: string; updatedAt: string }[]>`
    select id, customer_id, updated_at::text from tickets
    where (updated_at, id) > (
        coalesce(${mark?.sweptUntil ?? null}::text::timestamptz, now() - interval '1 hour'),
        coalesce(${mark?.sweptTicketId ?? null}::uuid, ${NO_TICKET}::uuid))
      and updated_at < (
        select coalesce(min(xact_start), now()) from pg_stat_activity
        where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
          and xact_start is not null)
    order by updated_at, id limit ${SWEEP_BATCH}`;
  const stale = await ctx.sql<{ customerId: string }[]>`
    select customer_id from customer_health where at_risk and computed_at < now() - interval '1 hour'
    order by computed_at limit ${SWEEP_BATCH}`;
  const customers = [...new Set([...tickets.map((t) => t.customerId), ...stale.map((s) => s.customerId)])];
  await refreshCustomersHealth(ctx, customers);
  const last = tickets.at(-1);
  // Forward only: a slower sweep in another process never moves the watermark back.
  if (last)
    await ctx.sql`
      insert into health_sweeps (id, swept_until, swept_ticket_id) values (true, ${last.updatedAt}::text::timestamptz, ${last.id})
      on conflict (id) do update set swept_until = excluded.swept_until, swept_ticket_id = excluded.swept_ticket_id
      where (health_sweeps.swept_until, coalesce(health_sweeps.swept_ticket_id, ${NO_TICKET}::uuid))
        < (excluded.swept_until, excluded.swept_ticket_id)`;
  return { customers: customers.length, tickets: tickets.length };
}

export const sweepCustomerHealthTask: Task<Record<string, never>> = {
  queue: 'timers',
  name: 'sweep-customer-health',
  schedule: () => ({ every: 15_000 }),
  perform: (ctx) => sweepCustomerHealth(ctx),
};
