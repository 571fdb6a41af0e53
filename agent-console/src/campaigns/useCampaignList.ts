import { listCampaigns } from '../api/campaignEndpoints';
import { useDelayedCall } from '../data/useDelayedCall';
import { useInterval } from '../data/useInterval';
import { useReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { CAMPAIGN_EVENT_DELAY_MS, CAMPAIGN_POLL_MS, isActiveCampaign } from './campaignActivity';

/** All campaigns, newest first: re-read on reconnect, on `campaign.changed`, and every 5 s while one is active. */
export function useCampaignList() {
  const { connectionGeneration } = useRealtime();
  const list = useReloadableData(listCampaigns, connectionGeneration);
  const reloadSoon = useDelayedCall(list.reload, CAMPAIGN_EVENT_DELAY_MS);
  const active = list.data?.campaigns.some((campaign) => isActiveCampaign(campaign.status)) ?? false;

  useRealtimeEvent('campaign.changed', reloadSoon);
  useInterval(list.reload, active ? CAMPAIGN_POLL_MS : null);

  return list;
}
