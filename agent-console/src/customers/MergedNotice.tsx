import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Shown instead of a customer that was merged away, with the way to the one that remains. */
export function MergedNotice({ survivorId }: { survivorId: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state" data-testid="customer-merged" data-survivor-id={survivorId ?? undefined}>
      <p className="empty-state__title">{t('customer.mergedAway')}</p>
      <p>
        {survivorId ? (
          <Link to="/customers/$customerId" params={{ customerId: survivorId }} data-testid="survivor-link">
            {t('customer.openSurvivor')}
          </Link>
        ) : (
          <Link to="/customers">{t('customer.backToSearch')}</Link>
        )}
      </p>
    </div>
  );
}
