/** Latency figures and the tables the benchmarks print. */

export interface Distribution {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Nearest-rank percentile of ascending `sorted` values; null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? null,
  };
}

/** Milliseconds as printed: one decimal below 100 ms, whole above; "—" when there is nothing to show. */
export function ms(value: number | null | undefined) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value < 100 ? value.toFixed(1) : Math.round(value).toString();
}

export function ratio(value: number | null, baseline: number | null) {
  return value === null || baseline === null || baseline === 0 ? '—' : `${(value / baseline).toFixed(1)}×`;
}

/** A plain-text table, columns right-aligned except the first. */
export function printTable(title: string, header: string[], rows: (string | number)[][]) {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** One line per target: what was asked, what was measured, met or missed. */
export function printVerdict(target: string, measured: string, met: boolean) {
  console.log(`${met ? 'MET   ' : 'MISSED'}  ${target}: ${measured}`);
}
