import type { Sql } from '../db/client';
import type { CustomerHealthView, HealthSettings } from '../http/surveyApiTypes';
import { complaintWordsIn, scoreHealth, type HealthSignals } from './healthScore';
import { loadHealthSettings } from './healthSettings';

// What the customer wrote that is read for complaint words: their latest messages in the look-back.
const TEXTS_READ = 200;

/** Everything the health rules look at for one customer, read from the rows. */
export async function readHealthSignals(
  sql: Sql,
  customerId: string,
  settings: HealthSettings,
): Promise<HealthSignals> {
  const lookback = sql`now() - make_interval(days => ${settings.lookbackDays})`;
  // One round trip's worth of time: the four reads go out together.
  const [[counts], texts, comments, breaches] = await Promise.all([
    sql<
      {
        recentTickets: number;
        last30: number;
        before30: number;
        lowScores: string[];
        openTooLong: number[];
        missedCallbacks: number;
        optedOut: string[];
      }[]
    >`
    select
      (select count(*)::int from tickets where customer_id = ${customerId}
        and created_at > now() - make_interval(days => ${settings.repeatContactDays})) as recent_tickets,
      (select count(*)::int from tickets where customer_id = ${customerId} and created_at > now() - interval '30 days') as last30,
      (select count(*)::int from tickets where customer_id = ${customerId}
        and created_at > ${lookback} and created_at <= now() - interval '30 days') as before30,
      (select coalesce(array_agg(scale || ' ' || score order by answered_at desc), '{}') from surveys
        where customer_id = ${customerId} and low_score and answered_at > ${lookback}) as low_scores,
      (select coalesce(array_agg(number order by number), '{}') from tickets where customer_id = ${customerId}
        and status not in ('resolved', 'closed') and created_at < now() - make_interval(days => ${settings.openTooLongDays})) as open_too_long,
      (select count(*)::int from callbacks where customer_id = ${customerId} and status = 'failed' and updated_at > ${lookback}) as missed_callbacks,
      (select coalesce(array_agg(value), '{}') from customer_identities where customer_id = ${customerId}
        and kind = 'phone' and sms_opted_out_at is not null) as opted_out`,
    sql<{ bodyText: string }[]>`
    select m.body_text from messages m join tickets t on t.id = m.ticket_id
    where t.customer_id = ${customerId} and m.direction = 'inbound' and m.created_at > ${lookback}
    order by m.created_at desc limit ${TEXTS_READ}`,
    sql<{ comment: string }[]>`
    select comment from surveys where customer_id = ${customerId} and comment is not null and answered_at > ${lookback}`,
    sql<{ number: string }[]>`
      select t.number from sla_clocks k join tickets t on t.id = k.ticket_id
      where t.customer_id = ${customerId} and k.breached_at is not null and k.breached_at > ${lookback}`,
  ]);
  const months = Math.max(1, (settings.lookbackDays - 30) / 30);
  const baseline = counts.before30 / months;
  const words = complaintWordsIn(
    [...texts.map((t) => t.bodyText), ...comments.map((c) => c.comment)],
    settings.complaintWords,
  );
  return {
    repeat_contacts: {
      count: Math.max(0, counts.recentTickets - 1),
      details: [`${counts.recentTickets} contacts in ${settings.repeatContactDays} days`],
    },
    volume_above_baseline: {
      count: baseline > 0 && counts.last30 > settings.volumeFactor * baseline ? 1 : 0,
      details: [`${counts.last30} contacts in 30 days, usually ${Math.round(baseline * 10) / 10}`],
    },
    low_scores: { count: counts.lowScores.length, details: counts.lowScores },
    sla_breaches: { count: breaches.length, details: breaches.map((b) => `#${b.number}`) },
    open_too_long: { count: counts.openTooLong.length, details: counts.openTooLong.map((n) => `#${n}`) },
    missed_callback: { count: counts.missedCallbacks, details: [] },
    sms_opt_out: { count: counts.optedOut.length > 0 ? 1 : 0, details: counts.optedOut },
    complaint_words: { count: words.length, details: words },
  };
}

/** The customer's health now, computed from the rows (nothing is written). */
export async function computeCustomerHealth(
  sql: Sql,
  customerId: string,
  settings?: HealthSettings,
): Promise<CustomerHealthView> {
  const rules = settings ?? (await loadHealthSettings(sql));
  const { score, atRisk, reasons } = scoreHealth(await readHealthSignals(sql, customerId, rules), rules);
  return { customerId, score, atRisk, reasons, computedAt: new Date().toISOString() };
}
