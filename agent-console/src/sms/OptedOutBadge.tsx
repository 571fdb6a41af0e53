import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/formatDate';

/** Next to a phone number that texted STOP: no SMS goes to it until it texts START. */
export function OptedOutBadge({ at }: { at: string }) {
  const { t, i18n } = useTranslation();
  return (
    <span
      className="opted-out-badge"
      data-testid="opted-out-badge"
      data-opted-out-at={at}
      title={t('sms.optedOutTitle', { date: formatDateTime(at, i18n.language) })}
    >
      {t('sms.optedOutBadge')}
    </span>
  );
}
