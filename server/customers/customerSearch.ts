import { z } from 'zod';
import type { Sql } from '../db/client';
import type { CustomerView } from '../http/apiTypes';
import { listCustomerViews } from './customerQueries';
import { normalizeIdentity } from './identity';

export const customerSearchQuery = z.object({
  q: z.string().trim().max(200, 'must be at most 200 characters').default(''),
  limit: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
});

export interface SearchTerms {
  /** ILIKE pattern for a substring of name, company or email. */
  pattern: string;
  /** ILIKE pattern for a name starting with the query, which ranks higher. */
  prefix: string;
  /** The query read as a phone number in E.164, when it is one. */
  phone: string | null;
  /** The query read as a whole email address, when it is one. */
  email: string | null;
  /** The digits of a query that looks like (part of) a phone number, to find inside stored E.164 numbers. */
  digits: string | null;
}

const PHONE_LIKE = /^[+\d\s().\-/]+$/;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function tryNormalize(kind: 'phone' | 'email', q: string, defaultRegion?: string) {
  try {
    return normalizeIdentity(kind, q, defaultRegion as never);
  } catch {
    return null;
  }
}

/** How one search box query is matched: as text, as a whole phone or email, and as a partial number. */
export function searchTerms(q: string, defaultRegion?: string): SearchTerms {
  const text = q.trim();
  const phoneLike = PHONE_LIKE.test(text);
  const digits = phoneLike ? text.replace(/\D/g, '') : '';
  return {
    pattern: `%${escapeLike(text)}%`,
    prefix: `${escapeLike(text)}%`,
    phone: phoneLike ? tryNormalize('phone', text, defaultRegion) : null,
    email: text.includes('@') ? tryNormalize('email', text) : null,
    digits: digits.length >= 3 ? digits : null,
  };
}

/**
 * Customers matching the query, never merged-away ones: exact phone/email matches first, then names starting
 * with the query, then the rest, most recently updated first. An empty query lists the most recently updated.
 */
export async function searchCustomers(
  sql: Sql,
  q: string,
  limit: number,
  defaultRegion?: string,
): Promise<CustomerView[]> {
  const t = searchTerms(q, defaultRegion);
  const exact = sql`exists (select 1 from customer_identities i where i.customer_id = c.id
                     and ((i.kind = 'phone' and i.value = ${t.phone}) or (i.kind = 'email' and i.value = ${t.email})))`;
  const matches = q.trim()
    ? sql`(c.name ilike ${t.pattern} or c.company ilike ${t.pattern} or ${exact}
           or exists (select 1 from customer_identities i where i.customer_id = c.id
                      and ((i.kind = 'email' and i.value ilike ${t.pattern})
                           or (i.kind = 'phone' and ${t.digits}::text is not null and i.value like '%' || ${t.digits}::text || '%'))))`
    : sql`true`;
  const found = await sql<{ id: string }[]>`
    select c.id
    from customers c
    where c.merged_into_id is null and ${matches}
    order by case when ${exact} then 0 when c.name ilike ${t.prefix} then 1 else 2 end, c.updated_at desc, c.id
    limit ${limit}`;
  return listCustomerViews(
    sql,
    found.map((r) => r.id),
  );
}
