import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage';

/** Under a form: what went wrong with the last save (the details sit by their fields), or that it was saved. */
export function SaveStatus({ error, saved }: { error: unknown; saved: boolean }) {
  const { t } = useTranslation();
  if (error)
    return (
      <p className="notice notice--error" role="alert" data-testid="admin-save-error">
        {errorMessage(error, t)}
      </p>
    );
  if (saved)
    return (
      <p className="notice notice--success" role="status" data-testid="admin-saved">
        {t('admin.saved')}
      </p>
    );
  return null;
}

/** Loading or failed, for a page's data; nothing once it is there. */
export function QueryStatus({ pending, error }: { pending: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (error) return <p className="notice notice--error">{errorMessage(error, t)}</p>;
  if (pending) return <p className="muted">{t('app.loading')}</p>;
  return null;
}
