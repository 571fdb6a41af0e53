import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countSmsSegments } from '../../../channels/sms/smsSegments';
import { segmentLabel } from './segmentLabel';

/** Live under an SMS text box: segments, encoding (Chinese or emoji switch to UCS-2) and room left in the segment. */
export function SmsSegmentCount({ text }: { text: string }) {
  const { t } = useTranslation();
  const count = useMemo(() => countSmsSegments(text), [text]);
  return (
    <span
      className="sms-segments"
      data-testid="sms-segments"
      data-segments={count.segments}
      data-encoding={count.encoding}
    >
      {segmentLabel(count, t)}
    </span>
  );
}
