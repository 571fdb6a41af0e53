import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { useCancelCampaign } from './campaignQueries';

/** Cancel, behind a confirmation that says what it does and does not undo. */
export function CancelCampaign({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const mutation = useCancelCampaign(campaign.id);
  const busy = mutation.isPending;
  const error = mutation.error ? errorMessage(mutation.error, t) : null;
  const cancel = () => mutation.mutate(undefined, { onSuccess: () => setConfirming(false) });

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
          onClick={cancel}
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
