import { UnrecoverableError } from 'bullmq';
import { writeAudit } from '../commands/writeAudit';
import type { SendResult } from '../../channels/outbound';
import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { classifySendFailure } from '../outbound/sendFailure';
import { setSmsOptOut } from '../sms/smsOptOut';
import { publishCampaignChanged } from './campaignEvents';
import { completeIfDone, recordRecipientDelivery, scheduleRecipients } from './recipientSends';

type CampaignData = { campaignId: string };
type RecipientData = { recipientId: string };

export async function scheduleCampaignStart(ctx: Pick<AppContext, 'queues'>, campaignId: string, at: Date) {
  await ctx.queues.messaging.add(
    'start-campaign',
    { campaignId },
    { jobId: `start-campaign-${campaignId}`, delay: Math.max(0, at.getTime() - Date.now()) },
  );
}

/**
 * The campaign's start: each pending recipient gets its turn (send_at) from now and the campaign's rate, so
 * texts leave at that rate; each turn is a delayed job keyed by the recipient, safe to schedule again.
 */
export const startCampaignTask: Task<CampaignData> = {
  queue: 'messaging',
  name: 'start-campaign',
  async perform(ctx, { campaignId }) {
    const recipients = (await ctx.sql.begin(async (tx) => {
      const [c] = await tx<{ ratePerMinute: number }[]>`
        update sms_campaigns set status = 'sending', started_at = now()
        where id = ${campaignId} and status = 'scheduled' returning rate_per_minute`;
      if (!c) return [];
      return tx<{ id: string; sendAt: Date }[]>`
        with ordered as (
          select id, row_number() over (order by id) - 1 as turn from sms_campaign_recipients
          where campaign_id = ${campaignId} and status = 'pending')
        update sms_campaign_recipients r set send_at = now() + make_interval(secs => o.turn * 60.0 / ${c.ratePerMinute}), updated_at = now()
        from ordered o where r.id = o.id
        returning r.id, r.send_at, r.send_round as round`;
    })) as { id: string; sendAt: Date; round: number }[];
    await scheduleRecipients(ctx, recipients);
    await completeIfDone(ctx, campaignId);
    await publishCampaignChanged(ctx, campaignId);
    return { scheduled: recipients.length };
  },
};

/**
 * Sends one recipient's text. Like replies: `sending` is committed before the provider is called, so a rerun
 * never sends twice; an unknown outcome stays `sending` for its status callback (which carries the recipient
 * id) or the outbound reconciler to settle, as does the send of a process that died mid-way.
 */
export const sendCampaignSmsTask: Task<RecipientData> = {
  queue: 'messaging',
  name: 'send-campaign-sms',
  async perform(ctx, { recipientId }, { lastAttempt }) {
    const [r] = await ctx.sql<
      { campaignId: string; phone: string; body: string; fromNumber: string; round: number; optedOut: boolean }[]
    >`
      update sms_campaign_recipients r set status = 'sending', send_started_at = now(), updated_at = now(), error_code = null, error_message = null
      from sms_campaigns c
      where r.id = ${recipientId} and r.status = 'pending' and c.id = r.campaign_id and c.status = 'sending'
      returning r.campaign_id, r.phone, c.body, c.from_number, r.send_round as round,
        exists (select 1 from customer_identities i where i.kind = 'phone' and i.value = r.phone and i.sms_opted_out_at is not null) as opted_out`;
    if (!r) return { skipped: true };
    if (r.optedOut) {
      await ctx.sql`update sms_campaign_recipients set status = 'skipped', skip_reason = 'opted_out', updated_at = now() where id = ${recipientId}`;
      await completeIfDone(ctx, r.campaignId);
      await publishCampaignChanged(ctx, r.campaignId);
      return { sent: false };
    }
    let sent: SendResult;
    try {
      sent = await ctx.sms.sender.send({
        id: recipientId,
        channel: 'sms',
        to: r.phone,
        from: r.fromNumber,
        subject: null,
        text: r.body,
        round: r.round,
      });
    } catch (err) {
      const failure = classifySendFailure(err, lastAttempt);
      if (failure.outcome === 'unconfirmed') {
        await ctx.sql`update sms_campaign_recipients set error_code = ${failure.code}, error_message = ${failure.message}, updated_at = now() where id = ${recipientId} and status = 'sending'`;
        return { unconfirmed: true };
      }
      if (failure.recipientOptedOut) await setSmsOptOut(ctx.sql, r.phone, true);
      if (failure.outcome === 'failed') {
        await recordRecipientDelivery(
          ctx,
          { recipientId },
          { status: 'failed', errorCode: failure.code, errorMessage: failure.message },
        );
        throw new UnrecoverableError(failure.message);
      }
      await ctx.sql`
        update sms_campaign_recipients set status = 'pending', updated_at = now(), error_code = ${failure.code}, error_message = ${failure.message}
        where id = ${recipientId} and status = 'sending'`;
      await publishCampaignChanged(ctx, r.campaignId);
      throw err;
    }
    // Forward only: the `delivered` callback may have come before Twilio's answer, and it stays.
    await recordRecipientDelivery(ctx, { recipientId }, { status: 'sent', providerId: sent.providerId });
    return { sent: true };
  },
};

/** Recipients not yet sent are skipped; those already sent stay as they are. */
export async function cancelCampaign(ctx: AppContext, campaignId: string, userId: string) {
  const changed = await ctx.sql.begin(async (tx) => {
    const [c] =
      await tx`update sms_campaigns set status = 'canceled', completed_at = now() where id = ${campaignId} and status in ('scheduled', 'sending') returning id`;
    if (!c) return false;
    await tx`update sms_campaign_recipients set status = 'skipped', skip_reason = 'canceled', updated_at = now() where campaign_id = ${campaignId} and status = 'pending'`;
    await writeAudit(tx, {
      actorUserId: userId,
      action: 'campaign.canceled',
      entityType: 'sms_campaign',
      entityId: campaignId,
    });
    return true;
  });
  if (changed) await publishCampaignChanged(ctx, campaignId);
  return changed;
}

/**
 * The safety net: starts campaigns whose start job was lost and re-schedules recipients whose turn has passed
 * (job ids are the recipients' and their round's, so ones still queued are not doubled).
 */
export const campaignsTickTask: Task<Record<string, never>> = {
  queue: 'messaging',
  name: 'campaigns-tick',
  schedule: () => ({ every: 15_000 }),
  async perform(ctx) {
    // Starting twice is harmless (the job id is the campaign's, and a started campaign is no longer 'scheduled').
    const due = await ctx.sql<
      { id: string }[]
    >`select id from sms_campaigns where status = 'scheduled' and scheduled_at <= now()`;
    for (const c of due) await scheduleCampaignStart(ctx, c.id, new Date());
    const late = await ctx.sql<{ id: string; sendAt: Date; round: number }[]>`
      select r.id, r.send_at, r.send_round as round from sms_campaign_recipients r join sms_campaigns c on c.id = r.campaign_id
      where r.status = 'pending' and c.status = 'sending' and r.send_at <= now() - interval '1 minute'`;
    await scheduleRecipients(ctx, late);
    return { started: due.length, rescheduled: late.length };
  },
};
