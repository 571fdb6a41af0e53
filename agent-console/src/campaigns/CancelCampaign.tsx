import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../server/http/apiTypes';
import { cancelCampaign } from '../api/campaignEndpoints';
import { errorMessage } from '../api/errorMessage';

/** Cancel, behind a confirmation that says what it does and does not undo. */
export function CancelCampaign({
  campaign,
  onCanceled,
}: {
  campaign: CampaignSummary;
  onCanceled: (campaign: CampaignSummary) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      const { campaign: canceled } = await cancelCampaign(campaign.id);
      setConfirming(false);
      onCanceled(canceled);
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--danger"
        data-testid="cancel-campaign"
        onClick={() => setConfirming(true)}
      >
        {t('campaignReport.cancel')}
      </button>
    );
  }
  return (
    <div className="merge-confirm" role="alertdialog" aria-labelledby={titleId} data-testid="cancel-campaign-confirm">
      <p id={titleId} className="merge-confirm__title">
        {t('campaignReport.confirmTitle', { name: campaign.name })}
      </p>
      <p>{t('campaignReport.confirmText')}</p>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          data-testid="confirm-cancel-campaign"
          disabled={busy}
          onClick={() => void cancel()}
        >
          {busy ? t('campaignReport.canceling') : t('campaignReport.confirm')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="keep-campaign"
          disabled={busy}
          onClick={() => setConfirming(false)}
        >
          {t('campaignReport.keep')}
        </button>
      </div>
    </div>
  );
}
