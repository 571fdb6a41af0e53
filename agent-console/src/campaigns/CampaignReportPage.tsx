import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { AppLink } from '../navigation/AppLink';
import { PAGE_PATHS } from '../navigation/routes';
import { isActiveCampaign } from './campaignActivity';
import { CampaignDetails } from './CampaignDetails';
import { CampaignFigures } from './CampaignFigures';
import { CampaignStatusBadge } from './CampaignStatusBadge';
import { CancelCampaign } from './CancelCampaign';
import { RecipientTable } from './RecipientTable';
import { useCampaignReport } from './useCampaignReport';

/** One campaign as it goes: status, figures, every recipient, and Cancel while it has not finished. */
export function CampaignReportPage({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const report = useCampaignReport(campaignId);
  const { data, update, reload } = report;
  const campaign = data?.campaign;

  return (
    <section
      className="page page--wide"
      data-testid="campaign-report"
      data-campaign-id={campaignId}
      data-status={campaign?.status}
    >
      <p className="back-link">
        <AppLink to={PAGE_PATHS.campaigns}>← {t('campaignReport.back')}</AppLink>
      </p>
      <LoadStatus data={data} error={report.error} />
      {data && campaign && (
        <>
          <header className="page__header campaign-report__header">
            <h1 data-testid="campaign-name-shown">{campaign.name}</h1>
            <CampaignStatusBadge status={campaign.status} />
          </header>
          {isActiveCampaign(campaign.status) && (
            <CancelCampaign
              campaign={campaign}
              onCanceled={(canceled) => {
                update((current) => ({ ...current, campaign: canceled }));
                reload(); // The recipients not sent yet are now skipped.
              }}
            />
          )}
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
