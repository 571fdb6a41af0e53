import type { DeliveryStatus } from '../outbound';

// Twilio's message statuses in our words. Everything before `sent` means Twilio has the message, which is what
// our `sent` says (the send job records `sent` when Twilio answers the create call with `queued`).
const TWILIO_STATUSES: Record<string, DeliveryStatus> = {
  accepted: 'sent',
  scheduled: 'sent',
  queued: 'sent',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

/** Our delivery status for a Twilio message status, or null for one Twilio may add later. */
export function twilioDeliveryStatus(twilioStatus: string): DeliveryStatus | null {
  return Object.hasOwn(TWILIO_STATUSES, twilioStatus) ? TWILIO_STATUSES[twilioStatus] : null;
}
