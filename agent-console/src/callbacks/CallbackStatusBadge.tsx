import { useTranslation } from 'react-i18next';
import type { CallbackStatus } from '../api/callbackEndpoints';

export function CallbackStatusBadge({ status }: { status: CallbackStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge callback-status--${status}`} data-testid="callback-status" data-status={status}>
      {t(`callbackStatus.${status}`)}
    </span>
  );
}
