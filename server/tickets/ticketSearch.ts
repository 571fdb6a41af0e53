import { searchTerms } from '../customers/customerSearch';
import type { Sql, SqlFragment } from '../db/client';
import { prefixQuery } from '../search/segmentWords';

const TICKET_NUMBER = /^#?(\d{1,15})$/;

/**
 * The SQL condition (over `tickets t`) for a search box query. A ticket matches by any of:
 * - its number: `1234` or `#1234`;
 * - its customer: name or company containing the query, an email address containing it, a phone number containing
 *   its digits (`555-0123` finds +12025550123);
 * - words of its subject or of any of its messages, Chinese segmented as the text was (segmentWords.ts): `退款`
 *   finds `如何申请退款`, and every word also matches as the start of a longer one (`refund` finds "refunds").
 */
export function ticketSearchCondition(sql: Sql, q: string, defaultRegion?: string): SqlFragment {
  const number = TICKET_NUMBER.exec(q.trim());
  const terms = searchTerms(q, defaultRegion);
  const words = prefixQuery(q);
  const customers = sql`
    select c.id from customers c where c.name ilike ${terms.pattern} or c.company ilike ${terms.pattern}
    union
    select i.customer_id from customer_identities i
    where (i.kind = 'email' and i.value ilike ${terms.pattern})
       or (i.kind = 'phone' and (i.value = ${terms.phone} or (${terms.digits}::text is not null and i.value like '%' || ${terms.digits}::text || '%')))`;
  const text = words
    ? sql`or t.search_vector @@ to_tsquery('simple', ${words})
          or t.id in (select m.ticket_id from messages m where m.search_vector @@ to_tsquery('simple', ${words}))`
    : sql``;
  return sql`(
    ${number ? sql`t.number = ${Number(number[1])} or` : sql``}
    t.customer_id in (${customers})
    ${text})`;
}
