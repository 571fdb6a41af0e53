import { useCallback } from 'react';
import { getCampaign } from '../api/campaignEndpoints';
import { useDelayedCall } from '../data/useDelayedCall';
import { useInterval } from '../data/useInterval';
import { useReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { CAMPAIGN_EVENT_DELAY_MS, CAMPAIGN_POLL_MS, isActiveCampaign } from './campaignActivity';

/**
 * One campaign with its recipients: re-read on reconnect, on `campaign.changed` for it, and every 5 s while it is
 * scheduled or sending (the event goes only to admins and its creator; other supervisors see progress this way).
 */
export function useCampaignReport(campaignId: string) {
  const { connectionGeneration } = useRealtime();
  const load = useCallback(() => getCampaign(campaignId), [campaignId]);
  const report = useReloadableData(load, connectionGeneration);
  const reloadSoon = useDelayedCall(report.reload, CAMPAIGN_EVENT_DELAY_MS);
  const active = report.data ? isActiveCampaign(report.data.campaign.status) : false;

  useRealtimeEvent('campaign.changed', (event) => {
    if (event.campaignId === campaignId) reloadSoon();
  });
  useInterval(report.reload, active ? CAMPAIGN_POLL_MS : null);

  return report;
}
