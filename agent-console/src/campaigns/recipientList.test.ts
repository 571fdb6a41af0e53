import { describe, expect, it } from 'vitest';
import type { CustomerView } from '../../../server/http/apiTypes';
import { addRecipients, recipientIds, removeRecipient, toRecipient, type Recipient } from './recipientList';

const recipient = (id: string): Recipient => ({
  id,
  name: id.toUpperCase(),
  phone: `+1555000${id.padStart(4, '0')}`,
  optedOutAt: null,
});

describe('addRecipients', () => {
  it('appends in order', () => {
    expect(recipientIds(addRecipients([recipient('a')], [recipient('b'), recipient('c')]))).toEqual(['a', 'b', 'c']);
  });

  it('skips customers already chosen, and repeats within the additions', () => {
    const list = addRecipients(
      [recipient('a'), recipient('b')],
      [recipient('b'), recipient('c'), recipient('c'), recipient('a')],
    );
    expect(recipientIds(list)).toEqual(['a', 'b', 'c']);
  });

  it('stops at the maximum', () => {
    expect(recipientIds(addRecipients([recipient('a')], [recipient('b'), recipient('c')], 2))).toEqual(['a', 'b']);
  });

  it('leaves the given list untouched', () => {
    const list = [recipient('a')];
    addRecipients(list, [recipient('b')]);
    expect(recipientIds(list)).toEqual(['a']);
  });
});

describe('removeRecipient', () => {
  it('removes one customer and keeps the order of the rest', () => {
    expect(recipientIds(removeRecipient([recipient('a'), recipient('b'), recipient('c')], 'b'))).toEqual(['a', 'c']);
    expect(recipientIds(removeRecipient([recipient('a')], 'zzz'))).toEqual(['a']);
  });
});

describe('toRecipient', () => {
  const customer = (identities: CustomerView['identities']): CustomerView => ({
    id: 'c1',
    name: 'Ann',
    company: null,
    notes: '',
    tags: [],
    identities,
    createdAt: '2025-03-10T12:00:00Z',
    updatedAt: '2025-03-10T12:00:00Z',
  });

  it('takes the first phone number and whether it opted out', () => {
    const r = toRecipient(
      customer([
        { id: 'i1', kind: 'email', value: 'ann@example.com', smsOptedOutAt: null },
        { id: 'i2', kind: 'phone', value: '+14155550100', smsOptedOutAt: '2025-03-01T09:00:00Z' },
      ]),
    );
    expect(r).toEqual({ id: 'c1', name: 'Ann', phone: '+14155550100', optedOutAt: '2025-03-01T09:00:00Z' });
  });

  it('has no phone for an email-only customer', () => {
    expect(
      toRecipient(customer([{ id: 'i1', kind: 'email', value: 'ann@example.com', smsOptedOutAt: null }])),
    ).toMatchObject({ phone: null, optedOutAt: null });
  });
});
