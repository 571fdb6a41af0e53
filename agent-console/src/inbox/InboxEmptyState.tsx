import { useTranslation } from 'react-i18next';

export function InboxEmptyState() {
  const { t } = useTranslation();
  return (
    <div className="empty-state" data-testid="inbox-empty">
      <p className="empty-state__title">{t('inbox.empty')}</p>
      <p className="muted">{t('inbox.emptyHint')}</p>
    </div>
  );
}
