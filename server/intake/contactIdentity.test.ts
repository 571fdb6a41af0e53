import { describe, expect, it } from 'vitest';
import type { InboundContact } from '../../channels/inboundContact';
import { contactIdentity, unidentifiedCallerName } from './contactIdentity';

const contact = (channel: InboundContact['channel'], kind: 'phone' | 'email', value: string): InboundContact => ({
  channel,
  from: { kind, value },
  to: '+15005550006',
  providerId: 'CA1',
  text: 'Phone call',
});

describe('contactIdentity', () => {
  it('files a caller with a number under that number, in E.164', () => {
    expect(contactIdentity(contact('voice', 'phone', '+1 415 555 0100'), 'US')).toBe('+14155550100');
  });

  it('files a caller whose number is withheld under no identity, even where the keypad form parses as a number', () => {
    for (const from of ['anonymous', 'Restricted', '+266696687', '+86282452253', '']) {
      expect(contactIdentity(contact('voice', 'phone', from), 'US'), from).toBeNull();
    }
  });

  it('answers a call whose caller ID is no number at all, under no identity', () => {
    expect(contactIdentity(contact('voice', 'phone', 'sip:alice@example.com'), 'US')).toBeNull();
  });

  it('files a text from a short code or a sender ID under no identity, since refusing it would lose it', () => {
    expect(contactIdentity(contact('sms', 'phone', 'MYBANK'), 'US')).toBeNull();
    expect(contactIdentity(contact('sms', 'phone', '376'), 'US')).toBeNull();
  });

  it('refuses an email naming an address that is not one with a 400 naming from', () => {
    expect(() => contactIdentity(contact('email', 'email', 'nobody'), 'US')).toThrow(
      expect.objectContaining({ status: 400, code: 'invalid_input' }),
    );
  });
});

describe('unidentifiedCallerName', () => {
  it('says the number was withheld, or shows the caller ID that could not be read', () => {
    expect(unidentifiedCallerName('Anonymous')).toBe('Withheld number');
    expect(unidentifiedCallerName('sip:alice@example.com')).toBe('Unrecognised number sip:alice@example.com');
  });
});
