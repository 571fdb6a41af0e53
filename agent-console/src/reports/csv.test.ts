import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a byte order mark and ends every line with CRLF', () => {
    const csv = toCsv(['队列', 'Offered'], [['销售', 12]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe('队列,Offered\r\n销售,12\r\n');
  });

  it('quotes separators, quotes and line breaks; an empty figure is an empty cell', () => {
    expect(toCsv(['a'], [['x, "y"\nz'], [null]]).slice(1)).toBe('a\r\n"x, ""y""\nz"\r\n\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(['a', 'b'], [['=SUM(A1)', -3]]).slice(1)).toBe("a,b\r\n'=SUM(A1),-3\r\n");
  });
});
