import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../server/http/apiTypes';
import { Timestamp } from '../format/Timestamp';
import { SmsSegmentCount } from '../sms/SmsSegmentCount';

/** Who sent what, from which number, when and how fast. */
export function CampaignDetails({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const notYet = <span className="muted">{t('campaignReport.notYet')}</span>;
  return (
    <section className="panel">
      <h2>{t('campaignReport.details')}</h2>
      <dl className="facts">
        <dt>{t('campaignReport.createdBy')}</dt>
        <dd>{campaign.createdBy.name}</dd>
        <dt>{t('campaignReport.from')}</dt>
        <dd>{campaign.fromNumber}</dd>
        <dt>{t('campaignReport.scheduledAt')}</dt>
        <dd>
          <Timestamp iso={campaign.scheduledAt} />
        </dd>
        <dt>{t('campaignReport.startedAt')}</dt>
        <dd>{campaign.startedAt ? <Timestamp iso={campaign.startedAt} /> : notYet}</dd>
        <dt>{t('campaignReport.completedAt')}</dt>
        <dd>{campaign.completedAt ? <Timestamp iso={campaign.completedAt} /> : notYet}</dd>
        <dt>{t('campaignReport.rate')}</dt>
        <dd>{t('campaignReport.ratePerMinute', { rate: campaign.ratePerMinute })}</dd>
      </dl>
      <h3 className="panel__subheading">{t('campaignReport.text')}</h3>
      <p className="campaign-text" data-testid="campaign-text-shown">
        {campaign.text}
      </p>
      <SmsSegmentCount text={campaign.text} />
    </section>
  );
}
