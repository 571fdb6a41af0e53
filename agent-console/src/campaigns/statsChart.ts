import type { CampaignStatsRow } from '../../../server/http/apiTypes';

/** The figures drawn per period, in this order, left to right. */
export const CHART_SERIES = ['sent', 'delivered', 'failed'] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

export interface ChartBar {
  kind: ChartSeries;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartGroup {
  period: string;
  /** The middle of the group, where its label goes. */
  centerX: number;
  /** Labels are thinned out when groups are too narrow for each to have one. */
  labeled: boolean;
  bars: ChartBar[];
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The y of the zero line; bars stand on it. */
  baseline: number;
  plotTop: number;
  plotLeft: number;
  plotRight: number;
  /** The value at the top of the plot: the largest bar rounded up to 1, 2 or 5 × 10ⁿ. */
  scaleMax: number;
  ticks: { value: number; y: number }[];
  groups: ChartGroup[];
}

const SIZE = {
  height: 220,
  barWidth: 14,
  barGap: 2,
  groupGap: 22,
  padLeft: 44,
  padRight: 12,
  padTop: 12,
  padBottom: 30,
  minWidth: 360,
  labelWidth: 48,
};

/** Narrower bars for many periods (e.g. 30 days), so a month still fits on a screen. */
export const COMPACT_SIZE = { barWidth: 7, barGap: 1, groupGap: 9 };

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1). */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** Where every bar of a grouped bar chart of sent / delivered / failed per period goes, in SVG user units. */
export function chartLayout(
  rows: readonly (CampaignStatsRow & { period: string })[],
  size: Partial<typeof SIZE> = {},
): ChartLayout {
  const s = { ...SIZE, ...size };
  const groupWidth = CHART_SERIES.length * s.barWidth + (CHART_SERIES.length - 1) * s.barGap;
  const labelEvery = Math.max(1, Math.ceil(s.labelWidth / (groupWidth + s.groupGap)));
  const width = Math.max(s.minWidth, s.padLeft + rows.length * (groupWidth + s.groupGap) + s.padRight);
  const plotTop = s.padTop;
  const baseline = s.height - s.padBottom;
  const plotHeight = baseline - plotTop;
  const scaleMax = niceCeiling(Math.max(0, ...rows.flatMap((row) => CHART_SERIES.map((kind) => row[kind]))));
  const yOf = (value: number) => baseline - (value / scaleMax) * plotHeight;

  const groups = rows.map((row, i) => {
    const left = s.padLeft + s.groupGap / 2 + i * (groupWidth + s.groupGap);
    return {
      period: row.period,
      centerX: left + groupWidth / 2,
      labeled: i % labelEvery === 0,
      bars: CHART_SERIES.map((kind, j) => ({
        kind,
        value: row[kind],
        x: left + j * (s.barWidth + s.barGap),
        y: yOf(row[kind]),
        width: s.barWidth,
        height: baseline - yOf(row[kind]),
      })),
    };
  });
  const ticks = [0, scaleMax / 2, scaleMax].filter(Number.isInteger).map((value) => ({ value, y: yOf(value) }));
  return {
    width,
    height: s.height,
    baseline,
    plotTop,
    plotLeft: s.padLeft,
    plotRight: width - s.padRight,
    scaleMax,
    ticks,
    groups,
  };
}
