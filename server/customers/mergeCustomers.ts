import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import { HttpError, notFound } from '../http/httpError';
import { mergedAway, type CustomerRecord } from './activeCustomer';

export const mergeInput = z.object({ sourceCustomerId: z.uuid('must be a UUID') });

type Profile = Pick<CustomerRecord, 'name' | 'company' | 'notes' | 'tags'>;

/** The survivor's profile after taking in the source: empty name/company filled, tags united, notes appended. */
export function mergedProfile(survivor: Profile, source: Profile): Profile {
  const notes = [survivor.notes.trim(), source.notes.trim()].filter(Boolean);
  return {
    name: survivor.name || source.name,
    company: survivor.company || source.company,
    notes: notes.join('\n\n'),
    tags: [...new Set([...survivor.tags, ...source.tags])],
  };
}

/**
 * Folds the source customer into the survivor in one transaction: identities, tickets, calls and callbacks move,
 * the profile is combined, and the source is marked merged (nothing is deleted). Both are audited.
 */
export async function mergeCustomers(sql: Sql, survivorUuid: string, sourceUuid: string, actorUserId: string) {
  // One spelling of each id: the self-merge check and the lock order compare them as strings.
  const [survivorId, sourceId] = [survivorUuid.toLowerCase(), sourceUuid.toLowerCase()];
  if (survivorId === sourceId) {
    throw new HttpError(400, 'invalid_input', 'A customer cannot be merged into itself.', [
      { path: 'sourceCustomerId', message: 'is the same customer' },
    ]);
  }
  await sql.begin(async (tx) => {
    const { survivor, source } = await lockPair(tx, survivorId, sourceId);
    const profile = mergedProfile(survivor, source);
    const moved = {
      identities: (await tx`update customer_identities set customer_id = ${survivorId} where customer_id = ${sourceId}`)
        .count,
      tickets: (await tx`update tickets set customer_id = ${survivorId} where customer_id = ${sourceId}`).count,
      calls: (await tx`update calls set customer_id = ${survivorId} where customer_id = ${sourceId}`).count,
      callbacks: (await tx`update callbacks set customer_id = ${survivorId} where customer_id = ${sourceId}`).count,
    };
    await tx`
      update customers set name = ${profile.name}, company = ${profile.company}, notes = ${profile.notes}, tags = ${profile.tags}::text[], updated_at = now()
      where id = ${survivorId}`;
    await tx`update customers set merged_into_id = ${survivorId}, updated_at = now() where id = ${sourceId}`;
    // Customers merged into the source earlier now point straight at the survivor: one hop to follow, never a chain.
    await tx`update customers set merged_into_id = ${survivorId} where merged_into_id = ${sourceId}`;
    await writeAudit(tx, {
      actorUserId,
      action: 'customer.merged',
      entityType: 'customer',
      entityId: survivorId,
      data: { sourceCustomerId: sourceId, moved },
    });
    await writeAudit(tx, {
      actorUserId,
      action: 'customer.merged_away',
      entityType: 'customer',
      entityId: sourceId,
      data: { mergedIntoId: survivorId, moved },
    });
  });
  return { survivorId, sourceId };
}

/**
 * Locks both rows in id order, so two merges of the same pair in opposite directions cannot deadlock. FOR UPDATE
 * (not NO KEY UPDATE) also makes a concurrent insert of a ticket, call or callback for either customer wait for us.
 */
async function lockPair(tx: TransactionSql, survivorId: string, sourceId: string) {
  const locked = new Map<string, CustomerRecord>();
  for (const id of [survivorId, sourceId].sort()) {
    const [row] = await tx<
      CustomerRecord[]
    >`select id, name, company, notes, tags, merged_into_id from customers where id = ${id} for update`;
    if (row) locked.set(id, row);
  }
  const survivor = locked.get(survivorId);
  const source = locked.get(sourceId);
  if (!survivor) throw notFound('Customer');
  if (survivor.mergedIntoId) throw mergedAway(survivorId, survivor.mergedIntoId, 409);
  if (!source)
    throw new HttpError(404, 'not_found', 'Source customer not found.', [
      { path: 'sourceCustomerId', message: 'no such customer' },
    ]);
  if (source.mergedIntoId) {
    throw new HttpError(
      409,
      'merged',
      `Customer ${sourceId} was already merged into customer ${source.mergedIntoId}.`,
      [{ path: 'sourceCustomerId', message: `already merged into customer ${source.mergedIntoId}` }],
    );
  }
  return { survivor, source };
}
