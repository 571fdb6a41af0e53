import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import { publishCustomerChanged } from '../customers/customerEvents';
import type { Sql, TransactionSql } from '../db/client';
import type { CustomerHealthView } from '../http/surveyApiTypes';
import { rooms } from '../realtime/rooms';
import { computeCustomersHealth } from './customerHealth';

/** The customer tag health puts on and takes off. */
export const AT_RISK_TAG = 'at risk';

/**
 * Computes these customers' health and keeps it: crossing into "at risk" tags the customer and tells the
 * supervisors, once (the stored state is compared under a row lock); recovering takes the tag off. Most refreshes
 * cross nothing, and those are read and written in a few statements for the whole set: the sweep takes hundreds at a
 * time beside the floor's live work. Merged-away customers are left out. Returns the health of each one refreshed.
 */
export async function refreshCustomersHealth(
  ctx: AppContext,
  customerIds: string[],
): Promise<Map<string, CustomerHealthView>> {
  const customers = await ctx.sql<{ id: string; name: string | null; atRisk: boolean | null }[]>`
    select c.id, c.name, h.at_risk from customers c left join customer_health h on h.customer_id = c.id
    where c.id = any(${customerIds}::uuid[]) and c.merged_into_id is null`;
  if (!customers.length) return new Map();
  const healths = await computeCustomersHealth(
    ctx.sql,
    customers.map((c) => c.id),
  );
  // Kept in one statement, each provided its stored state is still the one read; the others go the locked way.
  const unchanged = customers.filter((c) => (c.atRisk ?? false) === healths.get(c.id)!.atRisk);
  const kept = new Set<string>();
  if (unchanged.length) {
    const stored = unchanged.map((c) => healths.get(c.id)!);
    for (const row of await ctx.sql<{ customerId: string }[]>`
      ${storeHealth(ctx.sql, stored)} where customer_health.at_risk = excluded.at_risk returning customer_id`)
      kept.add(row.customerId);
  }
  for (const customer of customers) {
    if (kept.has(customer.id)) continue;
    // One customer whose crossing cannot be stored must not hold back the rest (it is retried on the next change).
    await storeCrossing(ctx, customer, healths.get(customer.id)!).catch((err: unknown) =>
      ctx.log.warn({ err, customerId: customer.id }, 'customer health not stored'),
    );
  }
  return healths;
}

// Booleans travel as text: postgres.js sends a JS boolean[] as a single boolean.
const storeHealth = (tx: Sql | TransactionSql, healths: CustomerHealthView[]) => tx`
  insert into customer_health (customer_id, score, at_risk, reasons, computed_at)
  select id, score, at_risk::boolean, reasons::jsonb, now()
  from unnest(
    ${healths.map((h) => h.customerId)}::uuid[], ${healths.map((h) => h.score)}::int[],
    ${healths.map((h) => String(h.atRisk))}::text[], ${healths.map((h) => JSON.stringify(h.reasons))}::text[]
  ) as h(id, score, at_risk, reasons)
  on conflict (customer_id) do update set score = excluded.score, at_risk = excluded.at_risk, reasons = excluded.reasons,
    computed_at = excluded.computed_at`;

/** Keeps a health that may cross the line, under the customer's row lock: the tag, the audit and the alert, once. */
async function storeCrossing(
  ctx: AppContext,
  customer: { id: string; name: string | null },
  health: CustomerHealthView,
) {
  const crossed = await ctx.sql.begin(async (tx) => {
    await tx`select 1 from customers where id = ${customer.id} for update`;
    const [before] = await tx<
      { atRisk: boolean }[]
    >`select at_risk from customer_health where customer_id = ${customer.id}`;
    await storeHealth(tx, [health]);
    const wasAtRisk = before?.atRisk ?? false;
    if (wasAtRisk === health.atRisk) return null;
    await tx`
      update customers set updated_at = now(), tags = ${
        health.atRisk
          ? tx`case when ${AT_RISK_TAG} = any(tags) then tags else array_append(tags, ${AT_RISK_TAG}) end`
          : tx`array_remove(tags, ${AT_RISK_TAG})`
      }
      where id = ${customer.id}`;
    await writeAudit(tx, {
      actorUserId: null,
      action: health.atRisk ? 'customer.at_risk' : 'customer.no_longer_at_risk',
      entityType: 'customer',
      entityId: customer.id,
      data: { score: health.score, reasons: health.reasons.map((r) => r.kind) },
    });
    return health.atRisk ? 'at_risk' : 'recovered';
  });
  if (crossed) await publishCustomerChanged(ctx, [customer.id]);
  if (crossed === 'at_risk')
    ctx.publisher.emit([rooms.anySupervisor], 'customer.at_risk', {
      customer: { id: customer.id, name: customer.name },
      health,
    });
}
