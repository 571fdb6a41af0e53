import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  cancelCampaign,
  createCampaign,
  getCampaign,
  getCampaignStats,
  listCampaigns,
  type NewCampaign,
  type StatsQuery,
} from '../api/campaignEndpoints';
import { queryKeys } from '../data/queryKeys';
import { CAMPAIGN_POLL_MS, isActiveCampaign } from './campaignActivity';

/**
 * All campaigns, newest first; `campaign.changed` invalidates them, and while one is active they are re-read every
 * few seconds too (the event goes only to admins and its creator; other supervisors see progress this way).
 */
export function useCampaignList() {
  return useQuery({
    queryKey: queryKeys.campaignList,
    queryFn: listCampaigns,
    refetchInterval: (query) =>
      query.state.data?.campaigns.some((campaign) => isActiveCampaign(campaign.status)) ? CAMPAIGN_POLL_MS : false,
  });
}

/** One campaign with its recipients; like the list, re-read every few seconds while it is scheduled or sending. */
export function useCampaignReport(campaignId: string) {
  return useQuery({
    queryKey: queryKeys.campaign(campaignId),
    queryFn: () => getCampaign(campaignId),
    refetchInterval: (query) =>
      query.state.data && isActiveCampaign(query.state.data.campaign.status) ? CAMPAIGN_POLL_MS : false,
  });
}

/**
 * Campaign figures by period and by sender for a range. Only an answer to the current query is returned, so
 * figures grouped by days never show under a month heading; a null query (an impossible range) reads nothing.
 */
export function useCampaignStats(query: StatsQuery | null) {
  const stats = useQuery({
    queryKey: query ? queryKeys.campaignStats(query) : queryKeys.campaignStatsAll,
    queryFn: () => getCampaignStats(query!),
    enabled: query !== null,
  });
  return { data: query ? stats.data : undefined, error: query ? stats.error : null };
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (campaign: NewCampaign) => createCampaign(campaign),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.campaignList }),
  });
}

/** Cancels what has not been sent yet: those recipients are now skipped, so the whole report is read again. */
export function useCancelCampaign(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => cancelCampaign(campaignId),
    onSuccess: ({ campaign }) => {
      client.setQueryData<Awaited<ReturnType<typeof getCampaign>>>(queryKeys.campaign(campaignId), (report) =>
        report ? { ...report, campaign } : report,
      );
      void client.invalidateQueries({ queryKey: queryKeys.campaign(campaignId) });
      void client.invalidateQueries({ queryKey: queryKeys.campaignList });
    },
  });
}
