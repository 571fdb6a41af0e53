import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { alarmText } from './alarmText';
import { useSlaAlarms } from './useSlaAlarms';
import './sla.css';

/** SLA warnings, breaches and escalations as they fire, beside the offer notices. */
export function SlaAlarmHost() {
  const { t } = useTranslation();
  const { shown, dismiss } = useSlaAlarms();
  if (shown.length === 0) return null;
  return (
    <div className="sla-alarms" role="status">
      {shown.map(({ key, alarm }) => (
        <div
          key={key}
          className={`toast sla-toast sla-toast--${alarm.kind}`}
          data-testid="sla-alarm"
          data-kind={alarm.kind}
          data-ticket-id={alarm.ticketId}
          data-target={alarm.target}
        >
          <span>
            <strong>{t(`sla.alarm.title.${alarm.kind}`)}</strong> {alarmText(alarm, t)}
          </span>
          <Link
            to="/tickets/$ticketId"
            params={{ ticketId: alarm.ticketId }}
            className="link-button"
            onClick={() => dismiss(key)}
          >
            {t('sla.alarm.open')}
          </Link>
          <button type="button" className="link-button" onClick={() => dismiss(key)}>
            {t('sla.alarm.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
