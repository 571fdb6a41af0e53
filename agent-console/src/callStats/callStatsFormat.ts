import type { CallStatsResponse, CallStatsRow } from '../../../server/http/voiceApiTypes';

export type CallFigures = CallStatsResponse['totals'];

/** Seconds as h:mm:ss ("0:04:05", "12:00:00"); null (no talk to average) as an em dash. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const whole = Math.max(0, Math.round(seconds));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(whole / 3600)}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
}

/**
 * Several rows added up. The average is per answered call: rows carry only their own rounded average, and only
 * answered calls have talk time.
 */
export function sumFigures(rows: readonly CallFigures[]): CallFigures {
  const sum = (pick: (row: CallFigures) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const answered = sum((row) => row.answered);
  const talkSeconds = sum((row) => row.talkSeconds);
  return {
    inbound: sum((row) => row.inbound),
    outbound: sum((row) => row.outbound),
    answered,
    abandoned: sum((row) => row.abandoned),
    talkSeconds,
    averageTalkSeconds: answered > 0 ? Math.round(talkSeconds / answered) : null,
  };
}

export interface PeriodGroup {
  period: string;
  rows: CallStatsRow[];
  /** The period's figures over all its agents. */
  subtotal: CallFigures;
}

/** The server's rows by period, in time order; within a period agents by name, calls without an agent last. */
export function groupByPeriod(rows: readonly CallStatsRow[]): PeriodGroup[] {
  const byPeriod = new Map<string, CallStatsRow[]>();
  for (const row of rows) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row]);
  return [...byPeriod.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, periodRows]) => {
      const sorted = [...periodRows].sort((a, b) =>
        a.agentName === null ? 1 : b.agentName === null ? -1 : a.agentName.localeCompare(b.agentName),
      );
      return { period, rows: sorted, subtotal: sumFigures(sorted) };
    });
}

/** The agents to filter by: the directory's, plus anyone who took calls in the figures shown (e.g. a supervisor), by name. */
export function agentChoices(
  agents: readonly { id: string; name: string }[],
  rows: readonly CallStatsRow[],
): { id: string; name: string }[] {
  const byId = new Map(agents.map((agent) => [agent.id, agent.name]));
  for (const row of rows)
    if (row.agentId && !byId.has(row.agentId)) byId.set(row.agentId, row.agentName ?? row.agentId);
  return [...byId.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
