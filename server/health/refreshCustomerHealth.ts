import type { Sql, TransactionSql } from '../db/client';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import { publishCustomerChanged } from '../customers/customerEvents';
import type { CustomerHealthView, HealthSettings } from '../http/surveyApiTypes';
import { rooms } from '../realtime/rooms';
import { computeCustomerHealth } from './customerHealth';

/** The customer tag health puts on and takes off. */
export const AT_RISK_TAG = 'at risk';

/**
 * Computes the customer's health and keeps it: crossing into "at risk" tags the customer and tells the supervisors,
 * once (the stored state is compared under a row lock); recovering takes the tag off. Returns the health.
 */
export async function refreshCustomerHealth(
  ctx: AppContext,
  customerId: string,
  settings?: HealthSettings,
): Promise<CustomerHealthView | null> {
  const [customer] = await ctx.sql<{ name: string | null; mergedIntoId: string | null; atRisk: boolean | null }[]>`
    select c.name, c.merged_into_id, h.at_risk from customers c left join customer_health h on h.customer_id = c.id
    where c.id = ${customerId}`;
  if (!customer || customer.mergedIntoId) return null;
  const health = await computeCustomerHealth(ctx.sql, customerId, settings);
  const store = (tx: Sql | TransactionSql) => tx`
    insert into customer_health (customer_id, score, at_risk, reasons, computed_at)
    values (${customerId}, ${health.score}, ${health.atRisk}, ${tx.json(health.reasons as never)}, now())
    on conflict (customer_id) do update set score = excluded.score, at_risk = excluded.at_risk, reasons = excluded.reasons,
      computed_at = excluded.computed_at`;
  // Most refreshes cross nothing: kept in one statement, provided the stored state is still the one read.
  if ((customer.atRisk ?? false) === health.atRisk) {
    const kept = await ctx.sql`${store(ctx.sql)} where customer_health.at_risk = excluded.at_risk returning 1`;
    if (kept.length) return health;
  }
  const crossed = await ctx.sql.begin(async (tx) => {
    await tx`select 1 from customers where id = ${customerId} for update`;
    const [before] = await tx<
      { atRisk: boolean }[]
    >`select at_risk from customer_health where customer_id = ${customerId}`;
    await store(tx);
    const wasAtRisk = before?.atRisk ?? false;
    if (wasAtRisk === health.atRisk) return null;
    await tx`
      update customers set updated_at = now(), tags = ${
        health.atRisk
          ? tx`case when ${AT_RISK_TAG} = any(tags) then tags else array_append(tags, ${AT_RISK_TAG}) end`
          : tx`array_remove(tags, ${AT_RISK_TAG})`
      }
      where id = ${customerId}`;
    await writeAudit(tx, {
      actorUserId: null,
      action: health.atRisk ? 'customer.at_risk' : 'customer.no_longer_at_risk',
      entityType: 'customer',
      entityId: customerId,
      data: { score: health.score, reasons: health.reasons.map((r) => r.kind) },
    });
    return health.atRisk ? 'at_risk' : 'recovered';
  });
  if (crossed) await publishCustomerChanged(ctx, [customerId]);
  if (crossed === 'at_risk')
    ctx.publisher.emit([rooms.anySupervisor], 'customer.at_risk', {
      customer: { id: customerId, name: customer.name },
      health,
    });
  return health;
}
