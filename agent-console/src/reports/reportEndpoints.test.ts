import { describe, expect, it } from 'vitest';
import { dayRangeInstants } from './reportEndpoints';

describe('dayRangeInstants', () => {
  it('runs from the first day’s local midnight to the midnight after the last day', () => {
    const { from, to } = dayRangeInstants('2026-03-31', '2026-04-01');
    expect(new Date(from).getTime()).toBe(new Date(2026, 2, 31).getTime());
    expect(new Date(to).getTime()).toBe(new Date(2026, 3, 2).getTime());
  });

  it('covers exactly one day when both ends are the same day', () => {
    const { from, to } = dayRangeInstants('2026-12-07', '2026-12-07');
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(
      new Date(2026, 11, 8).getTime() - new Date(2026, 11, 7).getTime(),
    );
  });
});
