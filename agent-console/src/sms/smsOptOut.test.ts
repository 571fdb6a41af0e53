import { describe, expect, it } from 'vitest';
import type { IdentityView, MessageView } from '../../../server/http/apiTypes';
import { optedOutReplyPhone, replyPhoneOf } from './smsOptOut';

const phone = (value: string, smsOptedOutAt: string | null = null): IdentityView => ({
  id: value,
  kind: 'phone',
  value,
  smsOptedOutAt,
});
const email: IdentityView = { id: 'e', kind: 'email', value: 'ann@example.com', smsOptedOutAt: null };

const message = (direction: MessageView['direction'], from: string | null): MessageView => ({
  id: `${direction}-${from}`,
  ticketId: 't1',
  channel: 'sms',
  direction,
  status: direction === 'inbound' ? 'received' : 'sent',
  errorCode: null,
  errorMessage: null,
  author: null,
  from,
  to: null,
  subject: null,
  text: 'hi',
  html: null,
  attachments: [],
  createdAt: '2025-03-10T12:00:00Z',
});

const STOPPED = '2025-03-09T08:00:00Z';

describe('replyPhoneOf', () => {
  it('is the number the customer last texted from', () => {
    const customer = { identities: [email, phone('+14155550100'), phone('+14155550111')] };
    const messages = [
      message('inbound', '+14155550100'),
      message('inbound', '+14155550111'),
      message('outbound', '+15005550006'),
    ];
    expect(replyPhoneOf(customer, messages)).toBe('+14155550111');
  });

  it('falls back to the first phone identity, else nothing', () => {
    expect(replyPhoneOf({ identities: [email, phone('+14155550100')] }, [message('internal', null)])).toBe(
      '+14155550100',
    );
    expect(replyPhoneOf({ identities: [email] }, [])).toBeNull();
  });
});

describe('optedOutReplyPhone', () => {
  it('is the identity of the reply number when it texted STOP', () => {
    const stopped = phone('+14155550100', STOPPED);
    expect(optedOutReplyPhone('sms', { identities: [stopped] }, [message('inbound', '+14155550100')])).toBe(stopped);
  });

  it('ignores another of the customer’s numbers that opted out', () => {
    const customer = { identities: [phone('+14155550100', STOPPED), phone('+14155550111')] };
    expect(optedOutReplyPhone('sms', customer, [message('inbound', '+14155550111')])).toBeNull();
  });

  it('does not apply outside SMS tickets', () => {
    const customer = { identities: [phone('+14155550100', STOPPED)] };
    expect(optedOutReplyPhone('voice', customer, [message('inbound', '+14155550100')])).toBeNull();
    expect(optedOutReplyPhone('email', customer, [])).toBeNull();
  });
});
