// Every write to a mass-SMS recipient's send state, in one place: the same rules as a reply's
// (server/outbound/outboundMessages.ts): `sending` before the provider is called, reports only move forward,
// an interrupted send goes back to its turn as a new round.

import type { DeliveryStatus, OutboundMessage } from '../../channels/outbound';
import type { AppContext } from '../context';
import type { Sql, TransactionSql } from '../db/client';
import { movesForward } from '../outbound/deliveryStatus';
import { publishCampaignChanged } from './campaignEvents';

export type RecipientTarget =
  { recipientId: string; sendingRound?: number } | { smsSid: string; recipientId?: string; round?: number };

export interface RecipientReport {
  status: DeliveryStatus;
  providerId?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
}

/** One job per send of a recipient's text; a later round (an interrupted send queued again) gets its own. */
export const recipientJobId = (recipientId: string, round: number) =>
  round === 0 ? `campaign-sms-${recipientId}` : `campaign-sms-${recipientId}-${round}`;

export async function scheduleRecipients(
  ctx: Pick<AppContext, 'queues'>,
  recipients: { id: string; sendAt: Date | null; round: number }[],
) {
  for (const r of recipients) {
    await ctx.queues.messaging.add(
      'send-campaign-sms',
      { recipientId: r.id },
      { jobId: recipientJobId(r.id, r.round), delay: Math.max(0, (r.sendAt?.getTime() ?? 0) - Date.now()) },
    );
  }
}

/**
 * Applies a report to a recipient (forward only), then completes the campaign if nobody is left and tells its
 * watchers. Returns the recipient's phone, or null when the report is about no recipient.
 */
export async function recordRecipientDelivery(
  ctx: Pick<AppContext, 'sql' | 'publisher'>,
  target: RecipientTarget,
  report: RecipientReport,
) {
  const row = await ctx.sql.begin(async (tx) => {
    const [r] = await tx<
      {
        id: string;
        campaignId: string;
        phone: string;
        status: string;
        providerId: string | null;
        errorCode: string | null;
        errorMessage: string | null;
      }[]
    >`
      select id, campaign_id, phone, status, provider_id, error_code, error_message from sms_campaign_recipients
      where ${recipientCondition(tx, target)} limit 1 for update`;
    if (!r) return null;
    const forward = movesForward(r.status, report.status);
    const providerId = r.providerId ?? report.providerId ?? null;
    if (forward || providerId !== r.providerId) {
      const failing = report.status === 'failed' || report.status === 'undelivered';
      await tx`
        update sms_campaign_recipients set status = ${forward ? report.status : r.status}, provider_id = ${providerId}, updated_at = now(),
          error_code = ${!forward ? r.errorCode : failing ? (report.errorCode ?? r.errorCode) : null},
          error_message = ${!forward ? r.errorMessage : failing ? (report.errorMessage ?? r.errorMessage) : null}
        where id = ${r.id}`;
    }
    return { ...r, changed: forward };
  });
  if (!row) return null;
  if (row.changed) {
    await completeIfDone(ctx, row.campaignId);
    await publishCampaignChanged(ctx, row.campaignId);
  }
  return row.phone;
}

function recipientCondition(tx: TransactionSql, target: RecipientTarget) {
  if ('smsSid' in target) {
    const byId = target.recipientId
      ? tx`or (id = ${target.recipientId} and provider_id is null ${target.round === undefined ? tx`` : tx`and send_round = ${target.round}`})`
      : tx``;
    return tx`(provider_id = ${target.smsSid} ${byId})`;
  }
  if (target.sendingRound !== undefined)
    return tx`id = ${target.recipientId} and status = 'sending' and send_round = ${target.sendingRound}`;
  return tx`id = ${target.recipientId}`;
}

/** A sending campaign is complete once no recipient is waiting for its turn or being sent. */
export async function completeIfDone(ctx: Pick<AppContext, 'sql'>, campaignId: string) {
  await ctx.sql`
    update sms_campaigns set status = 'completed', completed_at = now()
    where id = ${campaignId} and status = 'sending'
      and not exists (select 1 from sms_campaign_recipients where campaign_id = ${campaignId} and status in ('pending', 'sending'))`;
}

export interface StaleRecipientSend extends OutboundMessage {
  campaignId: string;
  round: number;
  providerId: string | null;
  sendStartedAt: Date;
  ageMs: number;
  autoResends: number;
}

/** Recipients `sending` for longer than `staleAfterMs`, as the message the provider would have. */
export function staleRecipients(sql: Sql, staleAfterMs: number) {
  return sql<StaleRecipientSend[]>`
    select r.id, 'sms' as channel, r.phone as to, c.from_number as from, null as subject, c.body as text, r.campaign_id,
           r.send_round as round, r.provider_id, r.started as send_started_at,
           (extract(epoch from now() - r.started) * 1000)::float8 as age_ms, r.auto_resends
    from (select *, coalesce(send_started_at, updated_at) as started from sms_campaign_recipients where status = 'sending') r
    join sms_campaigns c on c.id = r.campaign_id
    where r.started < now() - make_interval(secs => ${staleAfterMs / 1000})
    order by r.started
    limit 200`;
}

/**
 * An interrupted send back to its turn, as a new round (only from the round found stale), unless its campaign was
 * canceled meanwhile: then it is skipped like the campaign's other unsent recipients. Returns the new round.
 */
export async function resendInterruptedRecipient(
  ctx: Pick<AppContext, 'sql' | 'publisher' | 'queues'>,
  send: StaleRecipientSend,
) {
  const [row] = await ctx.sql<{ round: number; status: string }[]>`
    update sms_campaign_recipients r set
      status = case when c.status = 'sending' then 'pending' else 'skipped' end,
      skip_reason = case when c.status = 'sending' then r.skip_reason else 'canceled' end,
      send_round = r.send_round + 1, auto_resends = r.auto_resends + 1,
      provider_id = null, error_code = null, error_message = null, send_at = now(), updated_at = now()
    from sms_campaigns c
    where c.id = r.campaign_id and r.id = ${send.id} and r.status = 'sending' and r.send_round = ${send.round}
    returning r.send_round as round, r.status`;
  if (!row) return null;
  if (row.status === 'pending') await scheduleRecipients(ctx, [{ id: send.id, sendAt: null, round: row.round }]);
  else await completeIfDone(ctx, send.campaignId);
  await publishCampaignChanged(ctx, send.campaignId);
  return row.round;
}
