import { describe, expect, it } from 'vitest';
import { InvalidWebhookError, parseInboundSms } from './parseInboundSms';

const base = {
  MessageSid: 'SM0123',
  AccountSid: 'AC1',
  From: '+14155550100',
  To: '+15005550006',
  Body: 'Hello',
  NumMedia: '0',
  FromCity: 'SAN FRANCISCO',
};

describe('parseInboundSms', () => {
  it('when Twilio posts a text, then it becomes an SMS contact keyed by MessageSid, keeping every parameter', () => {
    expect(parseInboundSms(base)).toEqual({
      channel: 'sms',
      from: { kind: 'phone', value: '+14155550100' },
      to: '+15005550006',
      providerId: 'SM0123',
      text: 'Hello',
      attachments: [],
      metadata: { twilio: base },
    });
  });

  it('when it carries media, then each MediaUrlN is kept as a reference with its type', () => {
    const contact = parseInboundSms({
      ...base,
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/SM0123/Media/ME1',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/x/ME2',
      MediaContentType1: 'application/pdf',
    });
    expect(contact.attachments).toEqual([
      {
        filename: 'ME1.jpeg',
        contentType: 'image/jpeg',
        sizeBytes: 0,
        location: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/SM0123/Media/ME1',
      },
      { filename: 'ME2.pdf', contentType: 'application/pdf', sizeBytes: 0, location: 'https://api.twilio.com/x/ME2' },
    ]);
  });

  it('when a required field is missing or NumMedia is wrong, then it says which', () => {
    expect(() => parseInboundSms({ ...base, MessageSid: '' })).toThrow(
      new InvalidWebhookError('MessageSid is missing'),
    );
    expect(() => parseInboundSms({ ...base, NumMedia: '1' })).toThrow('MediaUrl0 is missing');
    expect(() => parseInboundSms({ ...base, NumMedia: 'x' })).toThrow('NumMedia');
  });
});
