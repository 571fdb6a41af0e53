import type { AppContext } from '../context';
import { rooms } from '../realtime/rooms';

/** Tells admins and the campaign's creator to re-read its report. */
export async function publishCampaignChanged(ctx: Pick<AppContext, 'sql' | 'publisher'>, campaignId: string) {
  const [c] = await ctx.sql<{ createdBy: string }[]>`select created_by from sms_campaigns where id = ${campaignId}`;
  if (c) ctx.publisher.emit([rooms.allSupervisors, rooms.agent(c.createdBy)], 'campaign.changed', { campaignId });
}
