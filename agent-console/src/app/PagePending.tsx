import { useTranslation } from 'react-i18next';

/** While a page's code is still arriving. */
export function PagePending() {
  const { t } = useTranslation();
  return <p className="muted">{t('app.loading')}</p>;
}
