import { describe, expect, it } from 'vitest';
import { defaultStatsRange, fillPeriods, formatPeriod, periodStarts } from './statsPeriod';

describe('defaultStatsRange', () => {
  it('covers the last 30 days, today included', () => {
    expect(defaultStatsRange(new Date(2025, 2, 10, 15, 0))).toEqual({ from: '2025-02-09', to: '2025-03-10' });
    expect(defaultStatsRange(new Date(2025, 0, 15))).toEqual({ from: '2024-12-17', to: '2025-01-15' });
  });
});

describe('formatPeriod', () => {
  it('names days and weeks by their first day, months by month, in the reader’s language', () => {
    expect(formatPeriod('2025-03-10', 'day', 'en')).toBe('Mar 10');
    expect(formatPeriod('2025-03-10', 'week', 'en', true)).toBe('Mar 10, 2025');
    expect(formatPeriod('2025-03-01', 'month', 'en', true)).toBe('March 2025');
    expect(formatPeriod('2025-03-10', 'day', 'zh-CN')).toBe('3月10日');
    expect(formatPeriod('2025-03-01', 'month', 'zh-CN', true)).toBe('2025年3月');
  });

  it('keeps the server’s text when it is not a date', () => {
    expect(formatPeriod('soon', 'day', 'en')).toBe('soon');
  });
});

describe('periodStarts', () => {
  it('lists every day of the range', () => {
    expect(periodStarts('day', '2025-02-27', '2025-03-02')).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
  });

  it('starts weeks on the Monday on or before the first day', () => {
    // 2025-03-05 is a Wednesday; 2025-03-03 the Monday before.
    expect(periodStarts('week', '2025-03-05', '2025-03-20')).toEqual(['2025-03-03', '2025-03-10', '2025-03-17']);
    expect(periodStarts('week', '2025-03-03', '2025-03-03')).toEqual(['2025-03-03']);
  });

  it('lists calendar months, across a year end', () => {
    expect(periodStarts('month', '2024-11-15', '2025-02-01')).toEqual([
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ]);
  });

  it('is empty for an impossible range', () => {
    expect(periodStarts('day', '2025-03-02', '2025-03-01')).toEqual([]);
    expect(periodStarts('day', '', '2025-03-01')).toEqual([]);
  });
});

describe('fillPeriods', () => {
  const row = (period: string, sent: number) => ({
    period,
    campaigns: 1,
    sent,
    delivered: sent,
    failed: 0,
    skipped: 0,
  });

  it('adds empty periods between the server’s rows', () => {
    const filled = fillPeriods([row('2025-03-02', 5)], ['2025-03-01', '2025-03-02', '2025-03-03']);
    expect(filled.map((r) => [r.period, r.sent, r.campaigns])).toEqual([
      ['2025-03-01', 0, 0],
      ['2025-03-02', 5, 1],
      ['2025-03-03', 0, 0],
    ]);
  });

  it('keeps a row outside the expected periods rather than losing it', () => {
    expect(fillPeriods([row('2025-02-24', 1)], ['2025-03-01']).map((r) => r.period)).toEqual([
      '2025-02-24',
      '2025-03-01',
    ]);
  });
});
