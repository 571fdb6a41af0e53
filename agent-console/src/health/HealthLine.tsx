import { useTranslation } from 'react-i18next';
import type { CustomerHealthView } from '../../../server/http/surveyApiTypes';
import { HealthBadge } from './HealthBadge';
import { HealthReasonText } from './HealthReasonText';
import { weightiestReasons } from './healthTone';
import './health.css';

/** In the screen pop: the customer's health at a glance, with the reasons that cost the most points. */
export function HealthLine({ health }: { health: CustomerHealthView | undefined }) {
  const { t } = useTranslation();
  if (!health) return null;
  const reasons = weightiestReasons(health.reasons).slice(0, 3);
  return (
    <p className="health-line" data-testid="health-line" aria-label={t('customerHealth.label')}>
      <HealthBadge health={health} />
      {reasons.map((reason) => (
        <span key={reason.kind} className="health-line__reason" data-testid="health-reason" data-kind={reason.kind}>
          <HealthReasonText reason={reason} />
        </span>
      ))}
    </p>
  );
}
