import { describe, expect, it } from 'vitest';
import { cellText, csvHeader, csvValue, type ReportColumn } from './reportColumns';

type Row = { name: string; sl: number | null; asa: number };
const name: ReportColumn<Row> = { key: 'name', label: '队列', kind: 'text', value: (r) => r.name };
const sl: ReportColumn<Row> = { key: 'sl', label: 'Service level', kind: 'ratio', value: (r) => r.sl };
const asa: ReportColumn<Row> = { key: 'asa', label: 'ASA', kind: 'seconds', value: (r) => r.asa };

describe('report columns', () => {
  const row = { name: '销售', sl: 0.8333, asa: 74.6 };

  it('show figures as the wall does', () => {
    expect([name, sl, asa].map((column) => cellText(column, row, 'en'))).toEqual(['销售', '83%', '1:14']);
    expect(cellText(sl, { ...row, sl: null }, 'en')).toBe('—');
  });

  it('keep numbers for the CSV, with the unit in the header', () => {
    expect([name, sl, asa].map((column) => csvValue(column, row))).toEqual(['销售', 83.3, 75]);
    expect([name, sl, asa].map(csvHeader)).toEqual(['队列', 'Service level (%)', 'ASA (s)']);
  });
});
