import type { AppContext } from '../context';
import { publishCampaignChanged } from '../campaigns/campaignEvents';
import { completeIfDone } from '../campaigns/campaignTasks';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { OPTED_OUT_ERROR, setSmsOptOut } from './smsOptOut';

// Twilio's message statuses → ours, with a rank: a callback never moves a message backwards
// (callbacks arrive in any order, and more than once).
const STATUS: Record<string, { status: string; rank: number }> = {
  accepted: { status: 'queued', rank: 0 },
  scheduled: { status: 'queued', rank: 0 },
  queued: { status: 'queued', rank: 0 },
  sending: { status: 'sending', rank: 1 },
  sent: { status: 'sent', rank: 2 },
  delivered: { status: 'delivered', rank: 3 },
  read: { status: 'delivered', rank: 3 },
  undelivered: { status: 'undelivered', rank: 4 },
  failed: { status: 'failed', rank: 4 },
  canceled: { status: 'failed', rank: 4 },
};


export interface SmsStatusUpdate {
  messageSid: string;
  messageStatus: string;
  errorCode?: string;
  /** Our message id, carried in the callback URL: finds the row even before its sid was stored. */
  messageId?: string;
}

/** Applies a delivery status callback to the outbound SMS it is about. Returns false when it matched no message. */
export async function applySmsStatus(ctx: AppContext, update: SmsStatusUpdate): Promise<boolean> {
  const next = STATUS[update.messageStatus];
  if (!next) return false;
  const byId = update.messageId ? ctx.sql`or (id = ${update.messageId} and provider_id is null)` : ctx.sql``;
  const [row] = await ctx.sql<{ ticketId: string; toAddress: string; changed: boolean }[]>`
    with target as (
      select id, ticket_id, to_address,
             case status when 'queued' then 0 when 'sending' then 1 when 'sent' then 2 when 'delivered' then 3 else 4 end as rank
      from messages
      where channel = 'sms' and direction = 'outbound' and (provider_id = ${update.messageSid} ${byId})
      limit 1 for update
    ), changed as (
      update messages m set
        status = ${next.status}, provider_id = ${update.messageSid}, updated_at = now(),
        error_code = coalesce(${update.errorCode ?? null}, m.error_code),
        error_message = case when ${update.errorCode ?? null}::text is null then m.error_message else ${`Twilio error ${update.errorCode}`} end
      from target where m.id = target.id and target.rank < ${next.rank}
      returning m.id)
    select target.ticket_id, target.to_address, exists (select 1 from changed) as changed from target`;
  if (!row) return applyToCampaignRecipient(ctx, update, next);
  if (update.errorCode === OPTED_OUT_ERROR) await setSmsOptOut(ctx.sql, row.toAddress, true);
  if (row.changed) await publishTicketChanged(ctx, row.ticketId);
  return true;
}

/** The same status rules for a mass SMS recipient (its id rides in the callback URL like a message's). */
async function applyToCampaignRecipient(ctx: AppContext, update: SmsStatusUpdate, next: { status: string; rank: number }) {
  const byId = update.messageId ? ctx.sql`or (id = ${update.messageId} and provider_id is null)` : ctx.sql``;
  const [row] = await ctx.sql<{ campaignId: string; phone: string; changed: boolean }[]>`
    with target as (
      select id, campaign_id, phone,
             case status when 'pending' then 0 when 'sending' then 1 when 'sent' then 2 when 'delivered' then 3 when 'skipped' then 5 else 4 end as rank
      from sms_campaign_recipients where provider_id = ${update.messageSid} ${byId}
      limit 1 for update
    ), changed as (
      update sms_campaign_recipients r set status = ${next.status === 'queued' ? 'sending' : next.status}, provider_id = ${update.messageSid}, updated_at = now(),
        error_code = coalesce(${update.errorCode ?? null}, r.error_code)
      from target where r.id = target.id and target.rank < ${next.rank}
      returning r.id)
    select target.campaign_id, target.phone, exists (select 1 from changed) as changed from target`;
  if (!row) return false;
  if (update.errorCode === OPTED_OUT_ERROR) await setSmsOptOut(ctx.sql, row.phone, true);
  if (row.changed) {
    await completeIfDone(ctx, row.campaignId);
    await publishCampaignChanged(ctx, row.campaignId);
  }
  return true;
}
