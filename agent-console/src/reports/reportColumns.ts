import { formatFigure } from '../wall/formatFigure';
import type { FigureKind } from '../wall/wallFigures';

/** A column of a report table: its header, and each row's value, written by kind on screen and in the CSV. */
export interface ReportColumn<R> {
  key: string;
  label: string;
  kind: FigureKind | 'text';
  value: (row: R) => string | number | null;
}

/** A cell as the table shows it. */
export function cellText<R>(column: ReportColumn<R>, row: R, locale: string): string {
  const value = column.value(row);
  if (column.kind === 'text') return value === null ? '—' : String(value);
  return formatFigure(typeof value === 'number' ? value : null, column.kind, locale);
}

/** A cell as the CSV holds it: numbers stay numbers (seconds whole, ratios as per cents) for a spreadsheet to sum. */
export function csvValue<R>(column: ReportColumn<R>, row: R): string | number | null {
  const value = column.value(row);
  if (value === null || column.kind === 'text' || typeof value !== 'number') return value;
  if (column.kind === 'seconds') return Math.round(value);
  if (column.kind === 'ratio') return Math.round(value * 1000) / 10;
  return value;
}

/** A CSV header names the unit a table shows by its format: "ASA (s)", "Service level (%)". */
export function csvHeader<R>(column: ReportColumn<R>): string {
  if (column.kind === 'seconds') return `${column.label} (s)`;
  if (column.kind === 'ratio') return `${column.label} (%)`;
  return column.label;
}
