import type { Sql, TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';

/** Twilio's error for a send to a number that opted out. */
export const OPTED_OUT_ERROR = '21610';

/** Marks a number opted out of SMS (keeping the first time it did), or back in. */
export async function setSmsOptOut(sql: Sql | TransactionSql, phone: string, optedOut: boolean) {
  await sql`
    update customer_identities set sms_opted_out_at = ${optedOut ? sql`coalesce(sms_opted_out_at, now())` : null}
    where kind = 'phone' and value = ${phone}`;
}

/**
 * A number that texted STOP gets no SMS until it texts START (carriers block it, and the law in many places forbids
 * it): a 409 saying so, naming the day.
 */
export async function refuseOptedOutNumber(sql: Sql | TransactionSql, phone: string) {
  const [identity] = await sql<{ smsOptedOutAt: Date | null }[]>`
    select sms_opted_out_at from customer_identities where kind = 'phone' and value = ${phone}`;
  if (identity?.smsOptedOutAt) {
    throw new HttpError(
      409,
      'opted_out',
      `${phone} opted out of SMS on ${identity.smsOptedOutAt.toISOString().slice(0, 10)} (texted STOP). No SMS can be sent until they text START; reach them another way.`,
    );
  }
}
