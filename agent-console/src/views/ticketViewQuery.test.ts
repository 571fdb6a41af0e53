import { describe, expect, it } from 'vitest';
import { hasFilters, NO_FILTERS, ticketViewSearch } from './ticketViewQuery';

describe('ticketViewSearch', () => {
  it('when no filter is set, then only the view and the page size are asked for', () => {
    expect(ticketViewSearch({ view: 'unassigned', ...NO_FILTERS })).toBe('view=unassigned&limit=25');
    expect(hasFilters({ view: 'unassigned', ...NO_FILTERS })).toBe(false);
  });

  it('when filters and a cursor are set, then lists are comma-separated, words trimmed and encoded', () => {
    const filters = {
      ...NO_FILTERS,
      view: 'all' as const,
      status: ['open' as const, 'pending' as const],
      channel: ['email' as const],
      tag: 'vip',
      createdFrom: '2025-01-01',
      q: ' 退款 ',
    };
    const params = new URLSearchParams(ticketViewSearch(filters, 'abc', 10));
    expect(Object.fromEntries(params)).toEqual({
      view: 'all',
      status: 'open,pending',
      channel: 'email',
      tag: 'vip',
      createdFrom: '2025-01-01',
      q: '退款',
      limit: '10',
      cursor: 'abc',
    });
    expect(hasFilters(filters)).toBe(true);
  });
});
