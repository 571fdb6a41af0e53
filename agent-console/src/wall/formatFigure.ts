import { formatClock } from './clock';
import type { FigureKind } from './wallFigures';

/** A figure as the wall writes it: a count, a duration as a clock, a ratio as a whole per cent; none as a dash. */
export function formatFigure(value: number | null, kind: FigureKind, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (kind) {
    case 'count':
      return new Intl.NumberFormat(locale).format(value);
    case 'seconds':
      return formatClock(value * 1000);
    case 'ratio':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  }
}
