import type { TFunction } from 'i18next';
import { durationParts } from './slaCountdown';

/** "4:05", "2:03:09", or "2 d 5 h" / "2 天 5 小时" once a day or more is at stake. */
export function slaDurationText(seconds: number, t: TFunction): string {
  const parts = durationParts(seconds);
  return parts.kind === 'clock' ? parts.text : t('sla.duration.days', { days: parts.days, hours: parts.hours });
}
