import type { Sql } from '../db/client';
import type { CustomerHealthView, HealthSettings } from '../http/surveyApiTypes';
import { complaintWordsIn, scoreHealth, type HealthSignals } from './healthScore';
import { defaultHealthSettings, healthSettingsInput } from './healthSettings';

// What the customer wrote that is read for complaint words: their latest messages in the look-back.
const TEXTS_READ = 200;

/**
 * Everything the health rules look at for one customer, read from the rows in one statement (the screen pop shows
 * health on every offer), with the rules it was read under: those given, else the admin's, else the defaults.
 */
export async function readHealthSignals(
  sql: Sql,
  customerId: string,
  given?: HealthSettings,
): Promise<{ settings: HealthSettings; signals: HealthSignals }> {
  const [row] = await sql<
    {
      settings: string;
      recentTickets: number;
      last30: number;
      before30: number;
      lowScores: string[];
      openTooLong: number[];
      missedCallbacks: number;
      optedOut: string[];
      texts: string[];
      comments: string[];
      breaches: string[];
    }[]
  >`
    with s as (
      select coalesce(${given ? JSON.stringify(given) : null}::text::jsonb, (select settings from health_settings where id),
        ${JSON.stringify(defaultHealthSettings())}::text::jsonb) as j
    ), r as (
      select j, now() - make_interval(days => (j->>'lookbackDays')::int) as lookback,
        make_interval(days => (j->>'repeatContactDays')::int) as repeat_window,
        make_interval(days => (j->>'openTooLongDays')::int) as open_too_long
      from s
    )
    select
      r.j::text as settings,
      (select count(*)::int from tickets where customer_id = ${customerId}
        and created_at > now() - r.repeat_window) as recent_tickets,
      (select count(*)::int from tickets where customer_id = ${customerId} and created_at > now() - interval '30 days') as last30,
      (select count(*)::int from tickets where customer_id = ${customerId}
        and created_at > r.lookback and created_at <= now() - interval '30 days') as before30,
      (select coalesce(array_agg(scale || ' ' || score order by answered_at desc), '{}') from surveys
        where customer_id = ${customerId} and low_score and answered_at > r.lookback) as low_scores,
      (select coalesce(array_agg(number order by number), '{}') from tickets where customer_id = ${customerId}
        and status not in ('resolved', 'closed') and created_at < now() - r.open_too_long) as open_too_long,
      (select count(*)::int from callbacks where customer_id = ${customerId} and status = 'failed'
        and updated_at > r.lookback) as missed_callbacks,
      (select coalesce(array_agg(value), '{}') from customer_identities where customer_id = ${customerId}
        and kind = 'phone' and sms_opted_out_at is not null) as opted_out,
      array(select m.body_text from messages m join tickets t on t.id = m.ticket_id
        where t.customer_id = ${customerId} and m.direction = 'inbound' and m.created_at > r.lookback
        order by m.created_at desc limit ${TEXTS_READ}) as texts,
      array(select comment from surveys where customer_id = ${customerId} and comment is not null
        and answered_at > r.lookback) as comments,
      array(select t.number::text from sla_clocks k join tickets t on t.id = k.ticket_id
        where t.customer_id = ${customerId} and k.breached_at is not null and k.breached_at > r.lookback) as breaches
    from r`;
  // As text: the client camel-cases the keys of JSON it reads, and the reason kinds are snake_case.
  const parsed = healthSettingsInput.safeParse(JSON.parse(row.settings));
  const settings = parsed.success ? parsed.data : defaultHealthSettings();
  const months = Math.max(1, (settings.lookbackDays - 30) / 30);
  const baseline = row.before30 / months;
  const words = complaintWordsIn([...row.texts, ...row.comments], settings.complaintWords);
  const signals: HealthSignals = {
    repeat_contacts: {
      count: Math.max(0, row.recentTickets - 1),
      details: [`${row.recentTickets} contacts in ${settings.repeatContactDays} days`],
    },
    volume_above_baseline: {
      count: baseline > 0 && row.last30 > settings.volumeFactor * baseline ? 1 : 0,
      details: [`${row.last30} contacts in 30 days, usually ${Math.round(baseline * 10) / 10}`],
    },
    low_scores: { count: row.lowScores.length, details: row.lowScores },
    sla_breaches: { count: row.breaches.length, details: row.breaches.map((n) => `#${n}`) },
    open_too_long: { count: row.openTooLong.length, details: row.openTooLong.map((n) => `#${n}`) },
    missed_callback: { count: row.missedCallbacks, details: [] },
    sms_opt_out: { count: row.optedOut.length > 0 ? 1 : 0, details: row.optedOut },
    complaint_words: { count: words.length, details: words },
  };
  return { settings, signals };
}

/** The customer's health now, computed from the rows (nothing is written). */
export async function computeCustomerHealth(
  sql: Sql,
  customerId: string,
  settings?: HealthSettings,
): Promise<CustomerHealthView> {
  const read = await readHealthSignals(sql, customerId, settings);
  const { score, atRisk, reasons } = scoreHealth(read.signals, read.settings);
  return { customerId, score, atRisk, reasons, computedAt: new Date().toISOString() };
}
