import { describe, expect, it } from 'vitest';
import { concernsInbox } from './concernsInbox';

describe('concernsInbox', () => {
  const listed = [{ id: 'mine' }];
  it('re-reads for a ticket that is now ours, one that was listed, or one whose holder is not said', () => {
    expect(concernsInbox({ ticketId: 'new', assigneeId: 'me' }, 'me', listed)).toBe(true);
    expect(concernsInbox({ ticketId: 'mine', assigneeId: 'colleague' }, 'me', listed)).toBe(true);
    expect(concernsInbox({ ticketId: 'other' }, 'me', listed)).toBe(true);
  });
  it('leaves the inbox alone for other people’s tickets and waiting ones', () => {
    expect(concernsInbox({ ticketId: 'other', assigneeId: 'colleague' }, 'me', listed)).toBe(false);
    expect(concernsInbox({ ticketId: 'waiting', assigneeId: null }, 'me', undefined)).toBe(false);
  });
});
