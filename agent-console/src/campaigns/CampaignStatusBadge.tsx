import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../../../server/http/apiTypes';

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge campaign-status--${status}`} data-testid="campaign-status" data-status={status}>
      {t(`campaignStatus.${status}`)}
    </span>
  );
}
