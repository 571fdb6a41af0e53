import type { CampaignStatus } from '../../../server/http/apiTypes';

/** Still to happen or happening: worth polling, and may be canceled. */
export const isActiveCampaign = (status: CampaignStatus) => status === 'scheduled' || status === 'sending';

/** Other supervisors' campaigns raise no event for us, so open pages re-read this often while one is active. */
export const CAMPAIGN_POLL_MS = 5_000;

/** The figures of a campaign, in the order shown. */
export const COUNT_KINDS = ['total', 'sent', 'delivered', 'failed', 'skipped', 'pending'] as const;
