import { describe, expect, it } from 'vitest';
import { toCsv } from './reportCsv';

describe('report CSV', () => {
  it('when a table has Chinese names, commas, quotes and formulas, then the CSV is UTF-8 with a BOM and quoted safely', () => {
    const csv = toCsv(
      ['queue', 'note', 'offered'],
      [
        ['售后 队列', 'a, "b"', 3],
        ['=SUM(A1)', null, 0.5],
      ],
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe(
      'queue,note,offered\r\n售后 队列,"a, ""b""",3\r\n\'=SUM(A1),,0.5\r\n',
    );
  });
});
