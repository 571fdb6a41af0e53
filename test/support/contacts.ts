import { randomBytes } from 'node:crypto';
import type { InboundContact } from '../../channels/inboundContact';

/** An inbound SMS as a channel would hand it to intake. */
export function anSms(
  from: string,
  text = 'Hello, I need help',
  overrides: Partial<InboundContact> = {},
): InboundContact {
  return {
    channel: 'sms',
    from: { kind: 'phone', value: from },
    to: '+15005550006',
    providerId: `SM${randomBytes(16).toString('hex')}`,
    text,
    ...overrides,
  };
}

/** An inbound email as a channel would hand it to intake. */
export function anEmail(
  from: string,
  subject: string,
  text: string,
  overrides: Partial<InboundContact> = {},
): InboundContact {
  return {
    channel: 'email',
    from: { kind: 'email', value: from },
    to: 'support@example.com',
    providerId: `<${randomBytes(8).toString('hex')}@mail.example.org>`,
    subject,
    text,
    ...overrides,
  };
}

let phoneCounter = 0;
/** A fresh, valid E.164 number per call (US 555-01xx fictional range with a random area). */
export function aPhone() {
  phoneCounter++;
  return `+1${200 + Math.floor(Math.random() * 700)}555${String(1000 + ((phoneCounter * 37 + Math.floor(Math.random() * 1000)) % 9000)).padStart(4, '0')}`;
}
