import { useTranslation } from 'react-i18next';
import type { HealthReason } from '../../../server/http/surveyApiTypes';

/** A reason in words with how often it was seen and its specifics: "Complaint words (2): 投诉, 退款". */
export function HealthReasonText({ reason }: { reason: HealthReason }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`customerHealth.reason.${reason.kind}`, { count: reason.count })}
      {reason.details.length > 0 && `: ${reason.details.join(', ')}`}
    </>
  );
}
