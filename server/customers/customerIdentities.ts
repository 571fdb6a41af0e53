import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql } from '../db/client';
import { HttpError, notFound } from '../http/httpError';
import { activeCustomer } from './activeCustomer';
import { InvalidIdentityError, normalizeIdentity, type IdentityKind } from './identity';

export const identityInput = z.object({
  kind: z.enum(['phone', 'email']),
  value: z.string().trim().min(1, 'is required').max(320, 'must be at most 320 characters'),
});
export const identityParams = z.object({ id: z.uuid('must be a UUID'), identityId: z.uuid('must be a UUID') });

/** The canonical form, or a 400 naming `value`. */
export function canonicalIdentity(kind: IdentityKind, value: string, defaultRegion?: string) {
  try {
    return normalizeIdentity(kind, value, defaultRegion as never);
  } catch (err) {
    if (!(err instanceof InvalidIdentityError)) throw err;
    const message = kind === 'phone' ? 'is not a phone number' : 'is not an email address';
    throw new HttpError(400, 'invalid_input', `Invalid body: value: ${message}`, [{ path: 'value', message }]);
  }
}

/**
 * Gives the customer a phone or email. Returns false when the customer already has it. An identity another
 * customer holds is refused with 409 `identity_taken` naming that customer, so the console can offer a merge.
 */
export async function addIdentity(
  sql: Sql,
  customerId: string,
  kind: IdentityKind,
  value: string,
  actorUserId: string,
) {
  return sql.begin(async (tx) => {
    await activeCustomer(tx, customerId, { lock: true });
    // on conflict: a concurrent claim of the same identity waits for ours and then sees who holds it.
    const [added] = await tx<{ id: string }[]>`
      insert into customer_identities (customer_id, kind, value) values (${customerId}, ${kind}, ${value})
      on conflict (kind, value) do nothing returning id`;
    if (!added) {
      const [holder] = await tx<
        { customerId: string }[]
      >`select customer_id from customer_identities where kind = ${kind} and value = ${value}`;
      if (!holder) throw new HttpError(409, 'conflict', `The ${kind} ${value} changed hands meanwhile; try again.`);
      if (holder.customerId === customerId) return false;
      throw new HttpError(409, 'identity_taken', `The ${kind} ${value} belongs to customer ${holder.customerId}.`, [
        { path: 'value', message: `belongs to customer ${holder.customerId}` },
      ]);
    }
    await writeAudit(tx, {
      actorUserId,
      action: 'customer.identity_added',
      entityType: 'customer',
      entityId: customerId,
      data: { identityId: added.id, kind, value },
    });
    return true;
  });
}

export async function removeIdentity(sql: Sql, customerId: string, identityId: string, actorUserId: string) {
  await sql.begin(async (tx) => {
    await activeCustomer(tx, customerId, { lock: true });
    const [removed] = await tx<{ kind: IdentityKind; value: string }[]>`
      delete from customer_identities where id = ${identityId} and customer_id = ${customerId} returning kind, value`;
    if (!removed) throw notFound('Identity');
    await writeAudit(tx, {
      actorUserId,
      action: 'customer.identity_removed',
      entityType: 'customer',
      entityId: customerId,
      data: { identityId, ...removed },
    });
  });
}
