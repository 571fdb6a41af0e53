import {
  recordRecipientDelivery,
  resendInterruptedRecipient,
  staleRecipients,
  type StaleRecipientSend,
} from '../campaigns/recipientSends';
import type { Config } from '../config';
import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { askProvider } from './askProvider';
import { senderFor } from './channelSenders';
import {
  longQueuedMessages,
  recordDelivery,
  resendInterrupted,
  staleMessages,
  type StaleSend,
} from './outboundMessages';
import { queueSend } from './sendMessageTask';
import { settleStaleSend, type Settlement, type StaleBounds } from './staleSendSettlement';

export const staleBoundsFrom = (config: Config): StaleBounds => ({
  staleAfterMs: config.OUTBOUND_STALE_SECONDS * 1000,
  graceMs: config.OUTBOUND_CONFIRM_GRACE_SECONDS * 1000,
});

/** Often enough that a stale send waits at most a quarter of the bound more (at least every second, at most every 30 s). */
export const reconcileEveryMs = (config: Config) =>
  Math.min(30_000, Math.max(1_000, (config.OUTBOUND_STALE_SECONDS * 1000) / 4));

/** What a pass did; `longQueued`: queued rows whose job was added again (a job still there is left as it is). */
type Tally = Record<Settlement['kind'], number> & { longQueued: number };

/**
 * The owner of every send left unsettled, whichever process started it. A send `sending` past the stale bound
 * was interrupted (its process died before or after the provider call) or its outcome stayed unknown: the
 * provider is asked, and the send is settled by what it says (staleSendSettlement.ts). Replies,
 * auto-acknowledgements and mass-SMS recipients alike. It works from rows only, so it heals after a crash or a
 * flushed Redis; queued messages whose job is gone get it back.
 */
export async function reconcileOutbound(ctx: AppContext, bounds = staleBoundsFrom(ctx.config)) {
  const tally: Tally = { adopt: 0, wait: 0, resend: 0, fail: 0, longQueued: 0 };
  for (const send of await staleMessages(ctx.sql, bounds.staleAfterMs)) {
    await settleOne(ctx, 'message', send.id, async () => {
      const settlement = settleStaleSend(
        await askProvider(ctx.sql, senderFor(ctx.channelSenders, send.channel), send),
        send,
        bounds,
      );
      await applyToMessage(ctx, send, settlement);
      tally[settlement.kind]++;
    });
  }
  for (const send of await staleRecipients(ctx.sql, bounds.staleAfterMs)) {
    await settleOne(ctx, 'campaign recipient', send.id, async () => {
      const settlement = settleStaleSend(await askProvider(ctx.sql, ctx.sms.sender, send), send, bounds);
      await applyToRecipient(ctx, send, settlement);
      tally[settlement.kind]++;
    });
  }
  // Adding a job that is still there (waiting, or delayed for a retry's backoff) changes nothing.
  for (const queued of await longQueuedMessages(ctx.sql, bounds.staleAfterMs)) {
    await queueSend(ctx, queued.id, queued.round);
    tally.longQueued++;
  }
  if (tally.adopt + tally.resend + tally.fail > 0) ctx.log.info({ ...tally }, 'outbound sends reconciled');
  return tally;
}

/** One send's trouble (its provider lookup failing oddly, a lost race) never stops the others. */
async function settleOne(ctx: AppContext, kind: string, id: string, settle: () => Promise<void>) {
  try {
    await settle();
  } catch (err) {
    ctx.log.warn({ err, id }, `could not settle a stale ${kind} send`);
  }
}

async function applyToMessage(ctx: AppContext, send: StaleSend, settlement: Settlement) {
  const target = { messageId: send.id, sendingRound: send.round };
  if (settlement.kind === 'adopt') {
    const { providerId, status, errorCode } = settlement.copy;
    await recordDelivery(ctx, target, {
      status,
      providerId,
      errorCode,
      errorMessage: errorCode ? `Twilio error ${errorCode}` : null,
      via: 'reconciler',
    });
  } else if (settlement.kind === 'resend') {
    const round = await resendInterrupted(ctx, send, settlement.reason);
    if (round !== null) await queueSend(ctx, send.id, round);
  } else if (settlement.kind === 'fail') {
    await recordDelivery(ctx, target, {
      status: 'failed',
      errorCode: settlement.code,
      errorMessage: settlement.message,
      via: 'reconciler',
    });
  }
}

async function applyToRecipient(ctx: AppContext, send: StaleRecipientSend, settlement: Settlement) {
  const target = { recipientId: send.id, sendingRound: send.round };
  if (settlement.kind === 'adopt') {
    const { providerId, status, errorCode } = settlement.copy;
    await recordRecipientDelivery(ctx, target, {
      status,
      providerId,
      errorCode,
      errorMessage: errorCode ? `Twilio error ${errorCode}` : null,
    });
  } else if (settlement.kind === 'resend') {
    await resendInterruptedRecipient(ctx, send);
  } else if (settlement.kind === 'fail') {
    await recordRecipientDelivery(ctx, target, {
      status: 'failed',
      errorCode: settlement.code,
      errorMessage: settlement.message,
    });
  }
}

export const reconcileOutboundTask: Task<Record<string, never>> = {
  // Beside the other safety nets, never queued behind a burst of sends.
  queue: 'maintenance',
  name: 'reconcile-outbound',
  schedule: (config) => ({ every: reconcileEveryMs(config) }),
  perform: (ctx) => reconcileOutbound(ctx),
};
