import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, ticketViewQuery } from './ticketViewQuery';

describe('a ticket view’s query', () => {
  it('when a cursor is given back, then it reads as the one given out, microseconds kept', () => {
    const cursor = { activity: '2026-03-01T10:15:30.123456Z', number: 1234 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(ticketViewQuery.parse({ cursor: encodeCursor(cursor) }).cursor).toEqual(cursor);
  });

  it('when a cursor was not given out by a view, then it is refused', () => {
    for (const text of [
      'x',
      encodeCursor({ activity: 'yesterday', number: 1 }),
      Buffer.from('[]').toString('base64url'),
    ])
      expect(decodeCursor(text)).toBeUndefined();
  });

  it('when lists come comma-separated or repeated, then they read the same', () => {
    expect(ticketViewQuery.parse({ status: 'open,pending' }).status).toEqual(['open', 'pending']);
    expect(ticketViewQuery.parse({ status: ['open', 'pending'] }).status).toEqual(['open', 'pending']);
  });

  it('when nothing is given, then it is the first page of mine', () => {
    expect(ticketViewQuery.parse({})).toEqual({ view: 'mine', limit: 25 });
  });
});
