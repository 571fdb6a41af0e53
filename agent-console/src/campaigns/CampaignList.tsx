import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../server/http/apiTypes';
import { Timestamp } from '../format/Timestamp';
import { COUNT_KINDS } from './campaignActivity';
import { CampaignStatusBadge } from './CampaignStatusBadge';

/** Every campaign with its status and figures; the name opens the report. */
export function CampaignList({ campaigns }: { campaigns: CampaignSummary[] }) {
  const { t } = useTranslation();
  if (campaigns.length === 0)
    return (
      <p className="muted" data-testid="campaign-list-empty">
        {t('campaigns.empty')}
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="campaign-list">
        <thead>
          <tr>
            <th scope="col">{t('campaigns.name')}</th>
            <th scope="col">{t('campaigns.status')}</th>
            <th scope="col">{t('campaigns.when')}</th>
            <th scope="col">{t('campaigns.createdBy')}</th>
            {COUNT_KINDS.map((kind) => (
              <th key={kind} scope="col" className="numeric">
                {t(`campaignCounts.${kind}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {campaigns.map((campaign) => (
            <tr
              key={campaign.id}
              data-testid="campaign-row"
              data-campaign-id={campaign.id}
              data-status={campaign.status}
            >
              <td>
                <Link to="/campaigns/$campaignId" params={{ campaignId: campaign.id }} data-testid="campaign-link">
                  {campaign.name}
                </Link>
              </td>
              <td>
                <CampaignStatusBadge status={campaign.status} />
              </td>
              <td>
                <Timestamp iso={campaign.startedAt ?? campaign.scheduledAt} />
              </td>
              <td>{campaign.createdBy.name}</td>
              {COUNT_KINDS.map((kind) => (
                <td key={kind} className={`numeric count--${kind}`} data-kind={kind}>
                  {campaign.counts[kind]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
