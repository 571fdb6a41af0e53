import { describe, expect, it } from 'vitest';
import { twilioDeliveryStatus } from './twilioMessageStatus';

describe('twilioDeliveryStatus', () => {
  it('when Twilio holds the message in any state before the carrier, then it counts as sent', () => {
    for (const status of ['accepted', 'scheduled', 'queued', 'sending', 'sent'])
      expect(twilioDeliveryStatus(status)).toBe('sent');
  });

  it('when Twilio reports an outcome, then it is ours: delivered (or read), undelivered, failed (or canceled)', () => {
    expect(twilioDeliveryStatus('delivered')).toBe('delivered');
    expect(twilioDeliveryStatus('read')).toBe('delivered');
    expect(twilioDeliveryStatus('undelivered')).toBe('undelivered');
    expect(twilioDeliveryStatus('failed')).toBe('failed');
    expect(twilioDeliveryStatus('canceled')).toBe('failed');
  });

  it('when the status is one we do not know, then it is ignored rather than guessed', () => {
    expect(twilioDeliveryStatus('partially_delivered')).toBeNull();
    expect(twilioDeliveryStatus('constructor')).toBeNull();
  });
});
