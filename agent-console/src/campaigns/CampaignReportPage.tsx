import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { isActiveCampaign } from './campaignActivity';
import { CampaignDetails } from './CampaignDetails';
import { useCampaignReport } from './campaignQueries';
import { CampaignFigures } from './CampaignFigures';
import { CampaignStatusBadge } from './CampaignStatusBadge';
import { CancelCampaign } from './CancelCampaign';
import { RecipientTable } from './RecipientTable';

/** One campaign as it goes: status, figures, every recipient, and Cancel while it has not finished. */
const route = getRouteApi('/campaigns/$campaignId');

export function CampaignReportPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const report = useCampaignReport(campaignId);
  const { data } = report;
  const campaign = data?.campaign;

  return (
    <section
      className="page page--wide"
      data-testid="campaign-report"
      data-campaign-id={campaignId}
      data-status={campaign?.status}
    >
      <p className="back-link">
        <Link to="/campaigns">← {t('campaignReport.back')}</Link>
      </p>
      <LoadStatus data={data} error={report.error} />
      {data && campaign && (
        <>
          <header className="page__header campaign-report__header">
            <h1 data-testid="campaign-name-shown">{campaign.name}</h1>
            <CampaignStatusBadge status={campaign.status} />
          </header>
          {isActiveCampaign(campaign.status) && <CancelCampaign campaign={campaign} />}
          <h2 className="visually-hidden">{t('campaignReport.figures')}</h2>
          <CampaignFigures counts={campaign.counts} />
          <div className="workspace">
            <div className="workspace__main">
              <h2>{t('campaignReport.recipients')}</h2>
              <RecipientTable recipients={data.recipients} />
            </div>
            <aside className="workspace__side">
              <CampaignDetails campaign={campaign} />
            </aside>
          </div>
        </>
      )}
    </section>
  );
}
