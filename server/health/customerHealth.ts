import type { Sql } from '../db/client';
import type { CustomerHealthView, HealthSettings } from '../http/surveyApiTypes';
import { complaintWordsIn, scoreHealth, type HealthSignals } from './healthScore';
import { defaultHealthSettings, healthSettingsInput } from './healthSettings';

/** One customer's row of the signals read. */
interface SignalRow {
  settings: string;
  customerId: string;
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
}

/**
 * Everything the health rules look at for each of these customers, read from the rows in one statement (the screen
 * pop shows health on every offer; the sweep recomputes hundreds at once), with the rules it was read under: the
 * admin's, else the defaults.
 */
export async function readHealthSignals(
  sql: Sql,
  customerIds: string[],
): Promise<{ settings: HealthSettings; signals: Map<string, HealthSignals> }> {
  // One customer (every screen pop) as a scalar: a parameter array's length is unknown to a prepared statement's
  // generic plan, so PostgreSQL planned this statement afresh on every pop (about 2 ms of its CPU, more than running it).
  // With a scalar and no other parameter that sways an estimate, the connection's cached generic plan serves.
  const customers =
    customerIds.length === 1 ? sql`(values (${customerIds[0]}::uuid))` : sql`unnest(${customerIds}::uuid[])`;
  const rows = await sql<SignalRow[]>`
    with s as (
      select coalesce((select settings from health_settings where id), ${JSON.stringify(defaultHealthSettings())}::text::jsonb) as j
    ), r as (
      select j, now() - make_interval(days => (j->>'lookbackDays')::int) as lookback,
        make_interval(days => (j->>'repeatContactDays')::int) as repeat_window,
        make_interval(days => (j->>'openTooLongDays')::int) as open_too_long
      from s
    )
    select
      r.j::text as settings, c.id as customer_id, tk.recent_tickets, tk.last30, tk.before30, tk.open_too_long,
      (select coalesce(array_agg(scale || ' ' || score order by answered_at desc), '{}') from surveys
        where customer_id = c.id and low_score and answered_at > r.lookback) as low_scores,
      (select count(*)::int from callbacks where customer_id = c.id and status = 'failed'
        and updated_at > r.lookback) as missed_callbacks,
      (select coalesce(array_agg(value), '{}') from customer_identities where customer_id = c.id
        and kind = 'phone' and sms_opted_out_at is not null) as opted_out,
      -- Messages and clocks are reached from the customer's tickets, each ticket's through its own index entries
      -- (lateral): joined instead, the plan hung on statistics, and before the first ANALYZE of a busy new install it
      -- scanned every message once per customer (a sweep of 500 customers took seconds, growing with the day).
      -- What is read for complaint words: the customer's latest 200 messages in the look-back (a literal: see above).
      array(select m.body_text from tickets t cross join lateral (
          select m.body_text, m.created_at from messages m
          where m.ticket_id = t.id and m.direction = 'inbound' and m.created_at > r.lookback
          order by m.created_at desc limit 200) m
        where t.customer_id = c.id order by m.created_at desc limit 200) as texts,
      array(select comment from surveys where customer_id = c.id and comment is not null
        and answered_at > r.lookback) as comments,
      array(select t.number::text from tickets t cross join lateral (
          select 1 from sla_clocks k where k.ticket_id = t.id and k.breached_at > r.lookback) k
        where t.customer_id = c.id) as breaches
    from r, ${customers} as c(id),
      -- The customer's tickets read once, through their customer index, whatever else is open on the floor.
      lateral (
        select
          count(*) filter (where created_at > now() - r.repeat_window)::int as recent_tickets,
          count(*) filter (where created_at > now() - interval '30 days')::int as last30,
          count(*) filter (where created_at > r.lookback and created_at <= now() - interval '30 days')::int as before30,
          coalesce(array_agg(number order by number) filter (
            where status not in ('resolved', 'closed') and created_at < now() - r.open_too_long), '{}') as open_too_long
        from tickets where customer_id = c.id
      ) tk`;
  // As text: the client camel-cases the keys of JSON it reads, and the reason kinds are snake_case.
  const parsed = rows.length ? healthSettingsInput.safeParse(JSON.parse(rows[0].settings)) : null;
  const settings = parsed?.success ? parsed.data : defaultHealthSettings();
  return { settings, signals: new Map(rows.map((row) => [row.customerId, signalsOf(row, settings)])) };
}

function signalsOf(row: SignalRow, settings: HealthSettings): HealthSignals {
  const months = Math.max(1, (settings.lookbackDays - 30) / 30);
  const baseline = row.before30 / months;
  const words = complaintWordsIn([...row.texts, ...row.comments], settings.complaintWords);
  return {
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
}

/** The customers' health now, computed from the rows (nothing is written). */
export async function computeCustomersHealth(
  sql: Sql,
  customerIds: string[],
): Promise<Map<string, CustomerHealthView>> {
  const read = await readHealthSignals(sql, customerIds);
  const computedAt = new Date().toISOString();
  return new Map(
    [...read.signals].map(([customerId, signals]) => {
      const { score, atRisk, reasons } = scoreHealth(signals, read.settings);
      return [customerId, { customerId, score, atRisk, reasons, computedAt }];
    }),
  );
}

/** The customer's health now, computed from the rows (nothing is written). */
export async function computeCustomerHealth(sql: Sql, customerId: string): Promise<CustomerHealthView> {
  return (await computeCustomersHealth(sql, [customerId])).get(customerId)!;
}
