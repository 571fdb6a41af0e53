import type { Sql, TransactionSql } from '../db/client';

/** Twilio's error for a send to a number that opted out. */
export const OPTED_OUT_ERROR = '21610';

/** Marks a number opted out of SMS (keeping the first time it did), or back in. */
export async function setSmsOptOut(sql: Sql | TransactionSql, phone: string, optedOut: boolean) {
  await sql`
    update customer_identities set sms_opted_out_at = ${optedOut ? sql`coalesce(sms_opted_out_at, now())` : null}
    where kind = 'phone' and value = ${phone}`;
}
