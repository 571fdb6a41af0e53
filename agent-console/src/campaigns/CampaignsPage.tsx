import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { CampaignForm } from './CampaignForm';
import { useCampaignList } from './campaignQueries';
import { CampaignList } from './CampaignList';
import { CampaignTabs } from './CampaignTabs';

/** Mass SMS: the campaigns so far and, behind "New campaign", the form for another; creating one opens its report. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useCampaignList();
  const [composing, setComposing] = useState(false);

  return (
    <section className="page page--wide" data-testid="campaigns-page">
      <CampaignTabs current="list" />
      <div className="button-row campaigns__actions">
        <button
          type="button"
          className={composing ? 'button' : 'button button--primary'}
          data-testid="new-campaign"
          aria-expanded={composing}
          onClick={() => setComposing((open) => !open)}
        >
          {composing ? t('campaigns.closeForm') : t('campaigns.new')}
        </button>
      </div>
      {composing && (
        <CampaignForm
          onCreated={(campaign) => void navigate({ to: '/campaigns/$campaignId', params: { campaignId: campaign.id } })}
        />
      )}
      <LoadStatus data={list.data} error={list.error} />
      {list.data && <CampaignList campaigns={list.data.campaigns} />}
    </section>
  );
}
