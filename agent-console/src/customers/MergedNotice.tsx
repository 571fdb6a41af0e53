import { useTranslation } from 'react-i18next';
import { AppLink } from '../navigation/AppLink';
import { customerPath, PAGE_PATHS } from '../navigation/routes';

/** Shown instead of a customer that was merged away, with the way to the one that remains. */
export function MergedNotice({ survivorId }: { survivorId: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state" data-testid="customer-merged" data-survivor-id={survivorId ?? undefined}>
      <p className="empty-state__title">{t('customer.mergedAway')}</p>
      <p>
        {survivorId ? (
          <AppLink to={customerPath(survivorId)} testId="survivor-link">
            {t('customer.openSurvivor')}
          </AppLink>
        ) : (
          <AppLink to={PAGE_PATHS.customers}>{t('customer.backToSearch')}</AppLink>
        )}
      </p>
    </div>
  );
}
