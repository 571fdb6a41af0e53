import { useTranslation } from 'react-i18next';
import type { ScheduleReturnVisitsResponse } from '../../../server/http/surveyApiTypes';
import { skippedByReason } from './returnVisitDraft';

const KNOWN_REASONS = ['not_resolved', 'already_scheduled', 'no_phone', 'no_email', 'not_found'] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];
const isKnown = (reason: string): reason is KnownReason => (KNOWN_REASONS as readonly string[]).includes(reason);

/** What scheduling did: how many return visits, and which tickets were left out and why. */
export function ScheduleResult({ result }: { result: ScheduleReturnVisitsResponse }) {
  const { t } = useTranslation();
  const skipped = skippedByReason(result.skipped);
  return (
    <div
      className={`notice ${result.returnVisits.length > 0 ? 'notice--success' : ''}`}
      role="status"
      data-testid="return-visit-result"
      data-scheduled={result.returnVisits.length}
      data-skipped={result.skipped.length}
    >
      <p>{t('surveys.returnVisits.schedule.done', { count: result.returnVisits.length })}</p>
      {skipped.length > 0 && (
        <p>
          {t('surveys.returnVisits.schedule.skipped', { count: result.skipped.length })}{' '}
          {skipped
            .map(({ reason, count }) => {
              const label = isKnown(reason) ? t(`surveys.returnVisits.skipReasons.${reason}`) : reason;
              return count > 1 ? `${label} ×${count}` : label;
            })
            .join(', ')}
        </p>
      )}
    </div>
  );
}
