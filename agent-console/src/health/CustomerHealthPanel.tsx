import { useTranslation } from 'react-i18next';
import type { CustomerHealthView, SurveyView } from '../../../server/http/surveyApiTypes';
import { Timestamp } from '../format/Timestamp';
import { SurveyList } from '../surveys/SurveyList';
import { HealthBadge } from './HealthBadge';
import { HealthReasonText } from './HealthReasonText';
import { weightiestReasons } from './healthTone';
import './health.css';

interface Props {
  /** Both absent from a server older than customer health: the panels are then left out. */
  health: CustomerHealthView | undefined;
  surveys: SurveyView[] | undefined;
}

/** On the customer page: the health score with every reason and the points it costs, then the customer's surveys. */
export function CustomerHealthPanel({ health, surveys = [] }: Props) {
  const { t } = useTranslation();
  if (!health) return null;
  const reasons = weightiestReasons(health.reasons);
  return (
    <>
      <section className="panel" data-testid="customer-health" aria-labelledby="customer-health-heading">
        <h2 id="customer-health-heading">{t('customerHealth.label')}</h2>
        <p>
          <HealthBadge health={health} />
        </p>
        {reasons.length === 0 ? (
          <p className="muted">{t('customerHealth.noReasons')}</p>
        ) : (
          <ul className="health-reasons" aria-label={t('customerHealth.reasonsLabel')}>
            {reasons.map((reason) => (
              <li key={reason.kind} data-testid="health-reason" data-kind={reason.kind}>
                <span>
                  <HealthReasonText reason={reason} />
                </span>
                <span className="health-reasons__points">{t('customerHealth.points', { points: reason.points })}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">
          {t('customerHealth.computedAt')}: <Timestamp iso={health.computedAt} />
        </p>
      </section>
      <section className="panel" data-testid="customer-surveys" aria-labelledby="customer-surveys-heading">
        <h2 id="customer-surveys-heading">{t('surveys.customerPanel.heading')}</h2>
        <SurveyList surveys={surveys} empty={t('surveys.customerPanel.none')} />
      </section>
    </>
  );
}
