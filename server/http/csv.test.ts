import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export', () => {
  it('when a table has Chinese names, commas, quotes, line breaks and formulas, then the CSV is UTF-8 with a BOM, quoted safely and formulas defused', () => {
    const csv = toCsv(
      ['queue', 'note', 'score'],
      [
        ['售后 队列', 'said "no", then left', -33.3],
        ['=HYPERLINK("x")', 'a\nb', null],
        ['-1+1', '@SUM(A1)', 0.5],
      ],
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'queue,note,score',
      '售后 队列,"said ""no"", then left",-33.3',
      `"'=HYPERLINK(""x"")","a\nb",`,
      `'-1+1,'@SUM(A1),0.5`,
      '',
    ]);
  });
});
