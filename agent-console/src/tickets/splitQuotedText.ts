/** A run of a message's lines: what the sender wrote, or text quoted from earlier mail. */
export interface TextSegment {
  quoted: boolean;
  text: string;
}

const QUOTE_LINE = /^\s*>/;
// "On Mon, 3 Mar 2025 at 10:00, Bob <bob@example.com> wrote:", Outlook's separator, and the Chinese Gmail header.
const ATTRIBUTION = /^\s*On\s.*\bwrote:\s*$/i;
const ATTRIBUTION_START = /^\s*On\s/i;
const ATTRIBUTION_END = /\bwrote:\s*$/i;
const FORWARD_SEPARATOR = /^\s*-{2,}\s*(Original Message|Forwarded message)\s*-{2,}\s*$/i;
const CHINESE_ATTRIBUTION = /^\s*在.*写道[:：]\s*$/;

/** The index of the line that starts the quoted history ("On … wrote:"), or -1. */
function historyStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (ATTRIBUTION.test(line) || FORWARD_SEPARATOR.test(line) || CHINESE_ATTRIBUTION.test(line)) return i;
    // Mail clients wrap a long attribution over two lines.
    const next = lines[i + 1];
    if (next !== undefined && ATTRIBUTION_START.test(line) && !QUOTE_LINE.test(next) && ATTRIBUTION_END.test(next))
      return i;
  }
  return -1;
}

const trimBlankLines = (lines: string[]) => {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start].trim()) start++;
  while (end > start && !lines[end - 1].trim()) end--;
  return lines.slice(start, end);
};

/**
 * Splits a message into what was written and what was quoted: lines starting with '>' and everything from an
 * "On … wrote:" line onwards. Blank lines between quoted lines stay with the quote. Without quotes, one segment.
 */
export function splitQuotedText(text: string): TextSegment[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const history = historyStart(lines);
  const quoted = lines.map((line, i) => (history >= 0 && i >= history) || QUOTE_LINE.test(line));

  // A blank line takes the kind of the next non-blank line, so a quote's inner blank lines stay inside it.
  for (let i = lines.length - 1, nextKind = false; i >= 0; i--) {
    if (lines[i].trim()) nextKind = quoted[i];
    else quoted[i] = nextKind;
  }

  const segments: TextSegment[] = [];
  let run: string[] = [];
  const flush = (isQuoted: boolean) => {
    const kept = trimBlankLines(run);
    if (kept.length) segments.push({ quoted: isQuoted, text: kept.join('\n') });
    run = [];
  };
  lines.forEach((line, i) => {
    if (i > 0 && quoted[i] !== quoted[i - 1]) flush(quoted[i - 1]);
    run.push(line);
  });
  flush(quoted[lines.length - 1] ?? false);
  return segments;
}

/** The written part only, on one line: for previews such as the interaction list. */
export function previewText(text: string, maxLength = 140): string {
  const written = splitQuotedText(text)
    .filter((segment) => !segment.quoted)
    .map((segment) => segment.text)
    .join(' ');
  const flat = (written || text).replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1).trimEnd()}…` : flat;
}
