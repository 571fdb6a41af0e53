import { useTranslation } from 'react-i18next';
import type { WallNotice } from './useThresholdNotices';

/** The latest figures that turned amber or red, newest first, until dismissed. */
export function WallNotices({ notices, onDismiss }: { notices: WallNotice[]; onDismiss: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="wall-notices" role="alert" aria-live="assertive" data-testid="wall-notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`wall-notice wall-notice--${notice.level}`}
          data-testid="wall-notice"
          data-level={notice.level}
        >
          <span>{notice.text}</span>
          <button type="button" className="link-button" onClick={() => onDismiss(notice.id)}>
            {t('wall.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
