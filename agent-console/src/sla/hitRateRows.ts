import type { TFunction } from 'i18next';
import type { SlaHitRateRow, SlaReportResponse } from '../../../server/http/slaApiTypes';

export const REPORT_GROUPS = ['byTarget', 'byQueue', 'byAgent', 'byChannel'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** A bucket as the chart and table show it: its name in the console's language and the hit rate in whole %. */
export interface HitRateLine {
  key: string;
  label: string;
  met: number;
  breached: number;
  /** 0..100, null when nothing ended in the bucket. */
  percent: number | null;
}

const CHANNEL_KEYS = ['voice', 'sms', 'email'];
const TARGET_KEYS = ['first_response', 'next_response', 'resolution'];

/**
 * Targets and channels are named by the console (the server's label is English); queues and agents by their own
 * names; the "none" bucket (no queue, unassigned) in words.
 */
export function bucketLabel(group: ReportGroup, row: SlaHitRateRow, t: TFunction): string {
  if (row.key === null) return t('sla.report.none');
  if (group === 'byTarget' && TARGET_KEYS.includes(row.key)) return t(`sla.target.${row.key as 'resolution'}`);
  if (group === 'byChannel' && CHANNEL_KEYS.includes(row.key)) return t(`channel.${row.key as 'sms'}`);
  return row.label;
}

export function hitRateLines(report: SlaReportResponse, group: ReportGroup, t: TFunction): HitRateLine[] {
  return report[group].map((row) => ({
    key: row.key ?? '',
    label: bucketLabel(group, row, t),
    met: row.met,
    breached: row.breached,
    percent: row.hitRate === null ? null : Math.round(row.hitRate * 1000) / 10,
  }));
}
