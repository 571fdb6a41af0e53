import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../app/session';
import { customerName } from '../customers/customerName';
import { showDesktopNotification } from '../offers/desktopNotifications';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { rememberLowScore } from './liveLowScores';
import { canSupervise } from '../router/access';
import { atRiskAlert, lowScoreAlert, withAlert, withoutAlert, type SurveyAlert } from './surveyAlerts';
import { SCALE_RANGE } from './surveyScale';
import './surveys.css';

/**
 * Supervisors: a low score or a customer turning at risk shows the moment the server says so, on every page, until
 * dismissed; with the browser's permission also as a desktop notification. The lists re-read by themselves
 * (invalidationRules.ts).
 */
export function SurveyAlerts() {
  const user = useCurrentUser();
  if (!canSupervise(user.role)) return null;
  return <SupervisorSurveyAlerts />;
}

function SupervisorSurveyAlerts() {
  const { t } = useTranslation();
  const [alerts, setAlerts] = useState<SurveyAlert[]>([]);

  const textOf = (alert: SurveyAlert) =>
    alert.kind === 'lowScore'
      ? t('surveys.alert.lowScore', {
          score: alert.event.survey.score ?? '–',
          max: SCALE_RANGE[alert.event.survey.scale].max,
          customer: customerName(alert.event.survey.customer, t),
          number: alert.event.survey.ticketNumber,
        })
      : t('surveys.alert.atRisk', { customer: customerName(alert.event.customer, t), score: alert.event.health.score });

  const arrive = (alert: SurveyAlert) => {
    setAlerts((known) => withAlert(known, alert));
    showDesktopNotification(
      alert.kind === 'lowScore' ? t('surveys.alert.lowScoreTitle') : t('surveys.alert.atRiskTitle'),
      textOf(alert),
      alert.id,
    );
  };

  useRealtimeEvent('survey.low_score', (event) => {
    rememberLowScore(event.survey);
    arrive(lowScoreAlert(event));
  });
  useRealtimeEvent('customer.at_risk', (event) => arrive(atRiskAlert(event)));

  if (alerts.length === 0) return null;
  const dismiss = (id: string) => setAlerts((known) => withoutAlert(known, id));
  return (
    <ul className="survey-alerts" aria-label={t('surveys.alert.region')}>
      {alerts.map((alert) => (
        <li key={alert.id} className="toast" role="alert" data-testid="survey-alert" data-kind={alert.kind}>
          <span>{textOf(alert)}</span>
          {alert.kind === 'lowScore' ? (
            <Link
              to="/tickets/$ticketId"
              params={{ ticketId: alert.event.survey.ticketId }}
              onClick={() => dismiss(alert.id)}
            >
              {t('surveys.alert.open')}
            </Link>
          ) : (
            <Link
              to="/customers/$customerId"
              params={{ customerId: alert.event.customer.id }}
              onClick={() => dismiss(alert.id)}
            >
              {t('surveys.alert.open')}
            </Link>
          )}
          <button type="button" className="link-button" onClick={() => dismiss(alert.id)}>
            {t('surveys.alert.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
