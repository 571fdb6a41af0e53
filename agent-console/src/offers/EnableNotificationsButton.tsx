import { useTranslation } from 'react-i18next';
import { requestNotificationPermission } from './desktopNotifications';
import { useNotificationPermission } from './useNotificationPermission';

/** Shown only while the browser has not been asked yet; the click is the gesture the permission prompt needs. */
export function EnableNotificationsButton() {
  const { t } = useTranslation();
  const permission = useNotificationPermission();
  if (permission !== 'default') return null;
  return (
    <button
      type="button"
      className="button button--small"
      data-testid="enable-notifications"
      onClick={() => void requestNotificationPermission()}
    >
      {t('offer.enableNotifications')}
    </button>
  );
}
