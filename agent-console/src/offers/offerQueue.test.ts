import { describe, expect, it } from 'vitest';
import type { ScreenPop } from '../../../server/http/apiTypes';
import { addOffer, dropExpired, removeOffer, restoreOffers, type OfferQueue } from './offerQueue';

function pop(id: string, expiresAt: string, subject = `Ticket for ${id}`): ScreenPop {
  return {
    offer: { id, ticketId: `t-${id}`, expiresAt },
    ticket: {
      id: `t-${id}`,
      number: 1,
      subject,
      channel: 'sms',
      status: 'new',
      priority: 'normal',
      type: null,
      queueId: 'q1',
      assigneeId: null,
      customer: { id: 'c1', name: 'Ada' },
      createdAt: '2025-03-10T12:00:00.000Z',
      updatedAt: '2025-03-10T12:00:00.000Z',
    },
    customer: {
      id: 'c1',
      name: 'Ada',
      company: null,
      notes: '',
      tags: [],
      identities: [],
      createdAt: '',
      updatedAt: '',
    },
    recentInteractions: [],
    openTickets: [],
    message: null,
    voice: null,
  };
}

const ids = (queue: OfferQueue) => queue.map((entry) => entry.pop.offer.id);

describe('addOffer', () => {
  it('puts the oldest offer (the one expiring first) in front, whatever the arrival order', () => {
    let queue: OfferQueue = [];
    queue = addOffer(queue, pop('b', '2025-03-10T12:00:40Z'), 2);
    queue = addOffer(queue, pop('a', '2025-03-10T12:00:30Z'), 3);
    queue = addOffer(queue, pop('c', '2025-03-10T12:00:50Z'), 4);
    expect(ids(queue)).toEqual(['a', 'b', 'c']);
  });

  it('keeps arrival order for offers expiring at the same moment', () => {
    let queue: OfferQueue = [];
    queue = addOffer(queue, pop('x', '2025-03-10T12:00:30Z'), 1);
    queue = addOffer(queue, pop('y', '2025-03-10T12:00:30Z'), 2);
    expect(ids(queue)).toEqual(['x', 'y']);
  });

  it('does not queue the same offer twice, but takes its newer details', () => {
    let queue = addOffer([], pop('a', '2025-03-10T12:00:30Z', 'old'), 1);
    queue = addOffer(queue, pop('a', '2025-03-10T12:00:30Z', 'new'), 5);
    expect(queue).toHaveLength(1);
    expect(queue[0].pop.ticket.subject).toBe('new');
    expect(queue[0].receivedAt).toBe(1);
  });
});

describe('removeOffer', () => {
  it('removes only that offer (offer.ended)', () => {
    let queue: OfferQueue = [];
    queue = addOffer(queue, pop('a', '2025-03-10T12:00:30Z'), 1);
    queue = addOffer(queue, pop('b', '2025-03-10T12:00:40Z'), 2);
    expect(ids(removeOffer(queue, 'a'))).toEqual(['b']);
  });

  it('returns the same queue for an offer it does not hold', () => {
    const queue = addOffer([], pop('a', '2025-03-10T12:00:30Z'), 1);
    expect(removeOffer(queue, 'zzz')).toBe(queue);
  });
});

describe('restoreOffers', () => {
  it('adds the pending offers from the server, without duplicating those already shown', () => {
    const queue = addOffer([], pop('a', '2025-03-10T12:00:30Z'), 1);
    const restored = restoreOffers(queue, [pop('a', '2025-03-10T12:00:30Z'), pop('b', '2025-03-10T12:00:20Z')], 10);
    expect(ids(restored)).toEqual(['b', 'a']);
  });

  it('drops offers known before the request that the server no longer lists (ended while disconnected)', () => {
    const queue = addOffer([], pop('gone', '2025-03-10T12:00:30Z'), 1);
    expect(ids(restoreOffers(queue, [pop('b', '2025-03-10T12:00:40Z')], 10))).toEqual(['b']);
  });

  it('keeps an offer that arrived over the socket while the request was in flight', () => {
    const queue = addOffer([], pop('fresh', '2025-03-10T12:00:59Z'), 11);
    expect(ids(restoreOffers(queue, [], 10))).toEqual(['fresh']);
  });

  it('restores into an empty console (page reload)', () => {
    const restored = restoreOffers([], [pop('a', '2025-03-10T12:00:30Z'), pop('b', '2025-03-10T12:00:40Z')], 10);
    expect(ids(restored)).toEqual(['a', 'b']);
  });
});

describe('dropExpired', () => {
  const now = Date.parse('2025-03-10T12:01:00Z');

  it('drops offers that ended longer ago than the grace period', () => {
    let queue: OfferQueue = [];
    queue = addOffer(queue, pop('old', '2025-03-10T12:00:50Z'), 1);
    queue = addOffer(queue, pop('just', '2025-03-10T12:00:58Z'), 2);
    queue = addOffer(queue, pop('live', '2025-03-10T12:01:20Z'), 3);
    expect(ids(dropExpired(queue, now, 5_000))).toEqual(['just', 'live']);
  });

  it('returns the same queue when nothing expired', () => {
    const queue = addOffer([], pop('live', '2025-03-10T12:01:20Z'), 1);
    expect(dropExpired(queue, now, 5_000)).toBe(queue);
  });
});
