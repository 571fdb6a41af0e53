import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql } from '../db/client';
import { activeCustomer, type CustomerRecord } from './activeCustomer';

const TAG = /^[a-z0-9][a-z0-9 _-]{0,39}$/;

/** A short text that may be cleared: trimmed, and empty means none. */
const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .transform((v) => (v ? v : null));

export const customerTags = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(TAG, 'must be 1–40 of a-z, 0-9, space, _ or -, starting with a letter or digit'),
  )
  .max(30, 'at most 30 tags')
  .transform((tags) => [...new Set(tags)]);

export const customerUpdate = z.object({
  name: clearableText(200).optional(),
  company: clearableText(200).optional(),
  notes: z
    .string()
    .trim()
    .max(10_000, 'must be at most 10000 characters')
    .nullable()
    .transform((v) => v ?? '')
    .optional(),
  tags: customerTags.optional(),
});
export type CustomerUpdate = z.infer<typeof customerUpdate>;

type Field = keyof CustomerUpdate;

/** The given fields whose value differs from the stored one, with both values. */
export function changedFields(current: Pick<CustomerRecord, Field>, input: CustomerUpdate) {
  const changes: Partial<Record<Field, { from: unknown; to: unknown }>> = {};
  for (const field of Object.keys(customerUpdate.shape) as Field[]) {
    const to = input[field];
    if (to === undefined) continue;
    if (JSON.stringify(current[field]) !== JSON.stringify(to)) changes[field] = { from: current[field], to };
  }
  return changes;
}

/** Changes only the given fields; returns whether anything changed. Audited as customer.updated with before and after. */
export async function updateCustomer(sql: Sql, customerId: string, input: CustomerUpdate, actorUserId: string) {
  return sql.begin(async (tx) => {
    const current = await activeCustomer(tx, customerId, { lock: true });
    const changes = changedFields(current, input);
    if (Object.keys(changes).length === 0) return false;
    const next = {
      ...current,
      ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])),
    } as CustomerRecord;
    await tx`
      update customers set name = ${next.name}, company = ${next.company}, notes = ${next.notes}, tags = ${next.tags}::text[], updated_at = now()
      where id = ${customerId}`;
    await writeAudit(tx, {
      actorUserId,
      action: 'customer.updated',
      entityType: 'customer',
      entityId: customerId,
      data: { changes },
    });
    return true;
  });
}
