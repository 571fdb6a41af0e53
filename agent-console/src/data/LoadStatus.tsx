import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage';

/** A query's answer so far: the last successful data (kept when a later read fails) and the latest error. */
export interface ServerData {
  data: unknown;
  error: unknown;
}

/** What to say above server data: loading, failed, or "showing older data". Renders nothing when fresh. */
export function LoadStatus({ data, error }: ServerData) {
  const { t } = useTranslation();
  if (error && data) return <p className="notice">{t('data.stale')}</p>;
  if (error) return <p className="notice notice--error">{errorMessage(error, t)}</p>;
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  return null;
}
