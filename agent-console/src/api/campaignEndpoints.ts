import type { CampaignRecipientView, CampaignStatsResponse, CampaignSummary } from '../../../server/http/apiTypes';
import { requestJson } from './request';

export interface NewCampaign {
  name: string;
  text: string;
  customerIds: string[];
  /** ISO instant; omitted means now. */
  scheduledAt?: string;
  ratePerMinute?: number;
}

export type StatsPeriod = 'day' | 'week' | 'month';

export interface StatsQuery {
  period: StatsPeriod;
  /** YYYY-MM-DD, both days included. */
  from: string;
  to: string;
}

const campaignPath = (id: string) => `/api/sms-campaigns/${encodeURIComponent(id)}`;

/** Newest first. Supervisors and admins only. */
export const listCampaigns = () => requestJson<{ campaigns: CampaignSummary[] }>('/api/sms-campaigns');

/** 400 with `fields` (name, text, customerIds, scheduledAt, ratePerMinute) when the input is wrong. */
export const createCampaign = (campaign: NewCampaign) =>
  requestJson<{ campaign: CampaignSummary }>('/api/sms-campaigns', { method: 'POST', body: campaign });

export const getCampaign = (id: string) =>
  requestJson<{ campaign: CampaignSummary; recipients: CampaignRecipientView[] }>(campaignPath(id));

/** Recipients not sent yet are skipped with reason `canceled`. */
export const cancelCampaign = (id: string) =>
  requestJson<{ campaign: CampaignSummary }>(`${campaignPath(id)}/cancel`, { method: 'POST' });

export const getCampaignStats = ({ period, from, to }: StatsQuery) =>
  requestJson<CampaignStatsResponse>(`/api/sms-campaigns/stats?${new URLSearchParams({ period, from, to })}`);
