import { twilioDeliveryStatus } from '../../channels/sms/twilioMessageStatus';
import { recordRecipientDelivery } from '../campaigns/recipientSends';
import type { AppContext } from '../context';
import { recordDelivery } from '../outbound/outboundMessages';
import { OPTED_OUT_ERROR, setSmsOptOut } from './smsOptOut';

export interface SmsStatusUpdate {
  messageSid: string;
  messageStatus: string;
  errorCode?: string;
  /** Our message (or mass-SMS recipient) id, carried in the callback URL: finds the row even before its sid was stored. */
  messageId?: string;
  /** Which send of that row the callback was made for; absent in the URLs of sends made before rounds existed. */
  round?: number;
}

/**
 * Applies a delivery status callback to the outbound SMS it is about, reply or mass-SMS recipient, by the one
 * forward-only rule (callbacks arrive in any order, and more than once). Returns false when it matched nothing.
 */
export async function applySmsStatus(ctx: AppContext, update: SmsStatusUpdate): Promise<boolean> {
  const status = twilioDeliveryStatus(update.messageStatus);
  if (!status) return false;
  const report = {
    status,
    providerId: update.messageSid,
    errorCode: update.errorCode ?? null,
    errorMessage: update.errorCode ? `Twilio error ${update.errorCode}` : null,
  };
  const target = { smsSid: update.messageSid, messageId: update.messageId, round: update.round };
  const message = await recordDelivery(ctx, target, { ...report, via: 'status_callback' });
  const phone = message
    ? message.toAddress
    : await recordRecipientDelivery(
        ctx,
        { smsSid: update.messageSid, recipientId: update.messageId, round: update.round },
        report,
      );
  if (message === null && phone === null) return false;
  if (update.errorCode === OPTED_OUT_ERROR && phone) await setSmsOptOut(ctx.sql, phone, true);
  return true;
}
