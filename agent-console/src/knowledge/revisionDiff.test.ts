import { describe, expect, it } from 'vitest';
import { diffRevisionText, textChanged, type DiffRow } from './revisionDiff';

const show = (rows: DiffRow[]) =>
  rows.map((row) =>
    row.kind === 'gap'
      ? `… ${row.lines}`
      : `${{ same: ' ', added: '+', removed: '-' }[row.kind]} ${row.parts
          .map((p) => (p.change === 'same' ? p.text : `[${p.text}]`))
          .join('')}`,
  );

describe('diffRevisionText', () => {
  it('when a Chinese word is replaced, then only that word is marked on the old and new line', () => {
    const rows = diffRevisionText('如何申请退款\n请联系客服。', '如何申请退货\n请联系客服。', 'zh-CN');
    expect(show(rows)).toEqual(['- 如何申请[退款]', '+ 如何申请[退货]', '  请联系客服。']);
  });

  it('when English lines are added and removed, then whole lines are marked and changed words inside edits', () => {
    const rows = diffRevisionText('Refunds take 5 days.\nOld line\n', 'Refunds take 3 days.\n', 'en');
    expect(show(rows)).toEqual(['- Refunds take [5] days.', '- [Old line]', '+ Refunds take [3] days.']);
    const added = diffRevisionText('A\n', 'A\nB\n', 'en');
    expect(show(added)).toEqual(['  A', '+ [B]']);
  });

  it('when a long text changes in one place, then far unchanged lines fold into a gap', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const rows = diffRevisionText(before, after, 'en');
    expect(show(rows)).toEqual([
      '… 8',
      '  line 8',
      '  line 9',
      '- line [10]',
      '+ line [ten]',
      '  line 11',
      '  line 12',
      '… 7',
    ]);
  });

  it('when nothing changed, then it says so', () => {
    expect(textChanged(diffRevisionText('same\ntext', 'same\ntext', 'en'))).toBe(false);
    expect(textChanged(diffRevisionText('same', 'other', 'en'))).toBe(true);
  });
});
