import { useTranslation } from 'react-i18next';
import type { CustomerHealthView } from '../../../server/http/surveyApiTypes';
import { healthTone } from './healthTone';

/** The health score, coloured, and "At risk" in words when it is. */
export function HealthBadge({ health }: { health: CustomerHealthView }) {
  const { t } = useTranslation();
  return (
    <span
      className={`status-badge badge--${healthTone(health)}`}
      data-testid="health-score"
      data-score={health.score}
      data-at-risk={String(health.atRisk)}
    >
      {t('customerHealth.score', { score: health.score })}
      {health.atRisk && ` · ${t('customerHealth.atRisk')}`}
    </span>
  );
}
