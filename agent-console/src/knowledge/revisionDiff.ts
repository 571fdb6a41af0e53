import { diffLines, diffWords } from 'diff';

export type ChangeKind = 'same' | 'added' | 'removed';

/** A run of text inside a line, marked when it is what changed. */
export interface DiffPart {
  text: string;
  change: ChangeKind;
}

/** One line of the unified view: kept, added or removed, with the changed words marked inside it. */
export interface DiffLine {
  kind: ChangeKind;
  parts: DiffPart[];
}

/** Unchanged lines left out between changes, shown as "n unchanged lines". */
export interface DiffGap {
  kind: 'gap';
  lines: number;
}

export type DiffRow = DiffLine | DiffGap;

// Unchanged lines kept on each side of a change; longer unchanged runs fold into a gap.
const CONTEXT_LINES = 2;

const splitLines = (value: string) => value.replace(/\n$/, '').split('\n');

/**
 * Words, for Chinese too: Intl.Segmenter knows where Chinese words end, so changing 退款 to 退货 marks that word, not
 * the whole sentence it sits in.
 */
function wordParts(before: string, after: string, locale: string) {
  const intlSegmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const changes = diffWords(before, after, { intlSegmenter });
  const side = (kind: 'added' | 'removed'): DiffPart[] =>
    changes
      .filter((c) => !(kind === 'added' ? c.removed : c.added))
      .map((c) => ({ text: c.value, change: c.added || c.removed ? kind : 'same' }));
  return { removed: side('removed'), added: side('added') };
}

/** Splits parts that span several lines into one parts list per line. */
function partsByLine(parts: DiffPart[]): DiffPart[][] {
  const lines: DiffPart[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push([]);
      if (piece) lines[lines.length - 1].push({ text: piece, change: part.change });
    });
  }
  return lines;
}

/**
 * The difference between two revisions' texts, line by line; where lines were replaced, the words that changed are
 * marked inside them. Long unchanged stretches fold into gaps.
 */
export function diffRevisionText(before: string, after: string, locale: string): DiffRow[] {
  const lines: DiffLine[] = [];
  const changes = diffLines(before, after);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      const words = wordParts(change.value.replace(/\n$/, ''), next.value.replace(/\n$/, ''), locale);
      for (const parts of partsByLine(words.removed)) lines.push({ kind: 'removed', parts });
      for (const parts of partsByLine(words.added)) lines.push({ kind: 'added', parts });
      i++;
      continue;
    }
    const kind: ChangeKind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const text of splitLines(change.value))
      lines.push({ kind, parts: text ? [{ text, change: kind === 'same' ? 'same' : kind }] : [] });
  }
  return foldUnchanged(lines);
}

function foldUnchanged(lines: DiffLine[]): DiffRow[] {
  const near = lines.map((_, index) =>
    lines.slice(Math.max(0, index - CONTEXT_LINES), index + CONTEXT_LINES + 1).some((line) => line.kind !== 'same'),
  );
  const rows: DiffRow[] = [];
  lines.forEach((line, index) => {
    if (line.kind !== 'same' || near[index]) return rows.push(line);
    const last = rows[rows.length - 1];
    if (last?.kind === 'gap') last.lines++;
    else rows.push({ kind: 'gap', lines: 1 });
  });
  return rows;
}

/** Whether two revisions' texts differ at all. */
export const textChanged = (rows: DiffRow[]) => rows.some((row) => row.kind === 'added' || row.kind === 'removed');
