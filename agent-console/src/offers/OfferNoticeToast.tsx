import { useTranslation } from 'react-i18next';
import type { OfferNotice } from './offerNotice';

/** Why a pop disappeared (expired, withdrawn, answered elsewhere); goes away by itself. */
export function OfferNoticeToast({ notice, onDismiss }: { notice: OfferNotice; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="toast" role="status" data-testid="offer-notice" data-reason={notice.reason}>
      <span>{t(`offer.ended.${notice.reason}`, { number: notice.ticketNumber })}</span>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('offer.dismiss')}
      </button>
    </div>
  );
}
