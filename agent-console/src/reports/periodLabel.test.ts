import { describe, expect, it } from 'vitest';
import { periodLabel } from './periodLabel';

describe('periodLabel', () => {
  const start = '2026-03-02T23:15:00.000Z';

  it('names sub-day intervals by day and time in the report’s time zone', () => {
    expect(periodLabel(start, '15m', 'en-GB', 'UTC')).toBe('2 Mar, 23:15');
    expect(periodLabel(start, '60m', 'en-GB', 'Asia/Shanghai')).toBe('3 Mar, 07:15');
  });

  it('names days and weeks by date, months by month, in Chinese too', () => {
    expect(periodLabel(start, 'day', 'en-GB', 'UTC')).toBe('2 Mar 2026');
    expect(periodLabel(start, 'month', 'zh-CN', 'UTC')).toBe('2026年3月');
  });
});
