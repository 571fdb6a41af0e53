import { describe, expect, it } from 'vitest';
import { toCsv } from './surveyCsv';

describe('survey CSV', () => {
  it('starts with a BOM, quotes what needs it and defuses formulas', () => {
    const csv = toCsv(
      ['name', 'comment', 'score'],
      [
        ['王芳', 'said "no", then left', -33.3],
        ['=HYPERLINK("x")', 'a\nb', null],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'name,comment,score',
      '王芳,"said ""no"", then left",-33.3',
      `"'=HYPERLINK(""x"")","a\nb",`,
      '',
    ]);
  });
});
