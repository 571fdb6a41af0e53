/** How a figure stands against its thresholds: fine, amber (warning) or red (critical). */
export type ThresholdLevel = 'normal' | 'warning' | 'critical';

export interface ThresholdLimits {
  warning: number | null;
  critical: number | null;
}

const RANK: Record<ThresholdLevel, number> = { normal: 0, warning: 1, critical: 2 };

/**
 * The level of `value`: for most figures a higher value is worse (longest wait > 60 s), for a few lower is
 * (service level < 80 %), and a threshold is crossed on reaching it. No value, or no limits, is normal.
 */
export function thresholdLevel(
  value: number | null,
  limits: ThresholdLimits | undefined,
  higherIsWorse: boolean,
): ThresholdLevel {
  if (value === null || !limits) return 'normal';
  const crossed = (limit: number | null) => limit !== null && (higherIsWorse ? value >= limit : value <= limit);
  if (crossed(limits.critical)) return 'critical';
  if (crossed(limits.warning)) return 'warning';
  return 'normal';
}

/** The figures (by key) whose level rose from `before` to `after`: those deserve a notification, once. */
export function escalations(
  before: ReadonlyMap<string, ThresholdLevel>,
  after: ReadonlyMap<string, ThresholdLevel>,
): { key: string; level: ThresholdLevel }[] {
  return [...after]
    .filter(([key, level]) => RANK[level] > RANK[before.get(key) ?? 'normal'])
    .map(([key, level]) => ({ key, level }));
}
