import type { Channel } from '../../../server/http/apiTypes';
import type { AgentReportResponse, AgentReportRow, ContactReportRow } from '../../../server/http/wallApiTypes';

export type ContactFigures = Omit<ContactReportRow, 'period' | 'queueId' | 'queueName' | 'channel'>;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Several report rows as one, with the wall's definitions applied to the sums. Rows carry averages, not the time
 * they average, so that time is taken back from each (ASA × answered, AHT × handled) before dividing again.
 * Occupancy is no sum (agents serve several queues and channels): only a single row's is kept.
 */
export function sumContactRows(rows: readonly ContactFigures[]): ContactFigures {
  const sum = (pick: (row: ContactFigures) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const offered = sum((r) => r.offered);
  const answered = sum((r) => r.answered);
  const answeredWithinThreshold = sum((r) => r.answeredWithinThreshold);
  const abandoned = sum((r) => r.abandoned);
  const shortAbandoned = sum((r) => r.shortAbandoned);
  const callbacks = sum((r) => r.callbacks);
  const handled = sum((r) => r.handled);
  const waitSeconds = sum((r) => (r.asaSeconds ?? 0) * r.answered);
  const handleSeconds = sum((r) => (r.ahtSeconds ?? 0) * r.handled);
  return {
    offered,
    answered,
    answeredWithinThreshold,
    abandoned,
    shortAbandoned,
    callbacks,
    transfers: sum((r) => r.transfers),
    handled,
    serviceLevel: ratio(answeredWithinThreshold, offered - shortAbandoned),
    asaSeconds: ratio(waitSeconds, answered),
    ahtSeconds: ratio(handleSeconds, handled),
    abandonRate: ratio(abandoned, offered - shortAbandoned - callbacks),
    occupancy: rows.length === 1 ? rows[0].occupancy : null,
  };
}

/** Groups rows by a key, in first-seen order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** Each interval's figures over every queue and channel, in time order: the service chart and table. */
export function contactsByPeriod(rows: readonly ContactReportRow[]): ({ period: string } & ContactFigures)[] {
  return [...groupBy(rows, (row) => row.period)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, periodRows]) => ({ period, ...sumContactRows(periodRows) }));
}

/** Offered contacts per interval and channel, for a stacked chart. */
export function offeredByChannel(rows: readonly ContactReportRow[]): ({ period: string } & Record<Channel, number>)[] {
  return [...groupBy(rows, (row) => row.period)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, periodRows]) => {
      const offered = (channel: Channel) =>
        periodRows.filter((row) => row.channel === channel).reduce((total, row) => total + row.offered, 0);
      return { period, voice: offered('voice'), sms: offered('sms'), email: offered('email') };
    });
}

export interface AgentTotals {
  agentId: string;
  agentName: string;
  handled: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapUpSeconds: number;
}

/** Each agent's handled contacts and handling time over the whole range, by name: the agents chart. */
export function agentTotals(rows: readonly AgentReportRow[]): AgentTotals[] {
  return [...groupBy(rows, (row) => row.agentId)]
    .map(([agentId, agentRows]) => ({
      agentId,
      agentName: agentRows[0].agentName,
      handled: agentRows.reduce((total, row) => total + row.handled, 0),
      talkSeconds: agentRows.reduce((total, row) => total + row.talkSeconds, 0),
      holdSeconds: agentRows.reduce((total, row) => total + row.holdSeconds, 0),
      wrapUpSeconds: agentRows.reduce((total, row) => total + row.wrapUpSeconds, 0),
    }))
    .sort((a, b) => a.agentName.localeCompare(b.agentName));
}

/** An agent's intervals with anything in them: a month of 15-minute rows per agent is mostly empty. */
export function activeAgentRows(rows: readonly AgentReportRow[]): AgentReportRow[] {
  return rows.filter(
    (row) =>
      row.handled > 0 ||
      row.talkSeconds + row.holdSeconds + row.wrapUpSeconds > 0 ||
      Object.values(row.presenceSeconds).some((seconds) => seconds > 0),
  );
}

/**
 * The away reasons a report has time for, as columns: the admin's order (retired reasons after), then away with no
 * reason given (null). Mirrors reportedAwayReasons on the server, which orders the CSV the same way.
 */
export function reportedAwayReasons(report: Pick<AgentReportResponse, 'rows' | 'awayReasons'>): (string | null)[] {
  const seen = new Set(report.rows.flatMap((r) => r.awayByReason.filter((a) => a.seconds > 0).map((a) => a.reason)));
  const known = report.awayReasons.map((r) => r.code).filter((code) => seen.has(code));
  const unlisted = [...seen].filter((code): code is string => code !== null && !known.includes(code)).sort();
  return [...known, ...unlisted, ...(seen.has(null) ? [null] : [])];
}

/** A row's away seconds for one reason (null: none given). */
export const awaySecondsFor = (row: AgentReportRow, reason: string | null) =>
  row.awayByReason.find((a) => a.reason === reason)?.seconds ?? 0;
