import type { Sql, TransactionSql } from '../db/client';
import { HttpError, notFound } from '../http/httpError';

export interface CustomerRecord {
  id: string;
  name: string | null;
  company: string | null;
  notes: string;
  tags: string[];
  mergedIntoId: string | null;
}

/** A merged-away customer answers with where it went, so the console can follow to the survivor. */
export const mergedAway = (customerId: string, mergedIntoId: string, status = 404) =>
  new HttpError(status, 'merged', `Customer ${customerId} was merged into customer ${mergedIntoId}.`);

/**
 * The customer row, refusing missing (404) and merged-away (404 `merged`) customers.
 * With `lock`, the row is held FOR UPDATE until the transaction ends.
 */
export async function activeCustomer(
  tx: Sql | TransactionSql,
  customerId: string,
  { lock = false } = {},
): Promise<CustomerRecord> {
  const [row] = await tx<CustomerRecord[]>`
    select id, name, company, notes, tags, merged_into_id from customers where id = ${customerId}
    ${lock ? tx`for update` : tx``}`;
  if (!row) throw notFound('Customer');
  if (row.mergedIntoId) throw mergedAway(customerId, row.mergedIntoId);
  return row;
}
