import type { TFunction } from 'i18next';
import type { SmsSegments } from '../../../channels/sms/smsSegments';

/** "2 segments · GSM-7 · 146 left" / "1 条短信 · UCS-2 · 剩余 65": what a text costs and how much more fits. */
export function segmentLabel(count: SmsSegments, t: TFunction): string {
  return [
    t('sms.segments', { count: count.segments }),
    count.encoding,
    t('sms.remaining', { remaining: count.remainingInSegment }),
  ].join(' · ');
}
