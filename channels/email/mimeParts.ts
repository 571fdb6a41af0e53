// The byte layout of a raw message: where each MIME part's header fields and body sit. mailparser reads header
// bytes as UTF-8 before anyone sees them, so fixing a legacy charset has to happen on the raw bytes first
// (repairCharsets.ts); this finds the places to fix and nothing more. A returned message (message/rfc822) is
// not entered: it is kept as the bytes it came as.

export interface HeaderField {
  /** Lowercased name. */
  name: string;
  /** Byte offsets of the whole field, folded lines included, its final line break not. */
  start: number;
  end: number;
  /** Where the value starts (after the colon). */
  valueStart: number;
}

export interface MimePart {
  /** Byte offset where the header block starts and where its fields end. */
  headerStart: number;
  headerEnd: number;
  fields: HeaderField[];
  bodyStart: number;
  bodyEnd: number;
  /** Lowercased type/subtype; text/plain when the part says nothing. */
  contentType: string;
  /** Content-Type parameters, names lowercased, values unquoted (as raw latin1 text). */
  params: Map<string, string>;
  /** Lowercased Content-Transfer-Encoding, '' when absent. */
  transferEncoding: string;
  /** Lowercased Content-Disposition type, '' when absent. */
  disposition: string;
  children: MimePart[];
}

// Deeper nesting or more parts than any mail client writes: the rest is left as it is.
const MAX_DEPTH = 30;
const MAX_PARTS = 500;

/** The message's part tree. Offsets index `raw` (and `raw.toString('latin1')`, one character per byte). */
export function mimeParts(raw: Buffer): MimePart {
  const text = raw.toString('latin1');
  const budget = { parts: MAX_PARTS };
  return readPart(text, 0, text.length, 0, budget, 'text/plain');
}

function readPart(
  text: string,
  start: number,
  end: number,
  depth: number,
  budget: { parts: number },
  defaultType: string,
): MimePart {
  budget.parts -= 1;
  const { fields, headerEnd, bodyStart } = readHeaderBlock(text, start, end);
  const field = (name: string) => {
    const f = fields.find((x) => x.name === name);
    return f ? unfold(text.slice(f.valueStart, f.end)) : '';
  };
  const [type, params] = splitHeaderValue(field('content-type'));
  const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : defaultType;
  const part: MimePart = {
    headerStart: start,
    headerEnd,
    fields,
    bodyStart,
    bodyEnd: end,
    contentType,
    params,
    transferEncoding: field('content-transfer-encoding').trim().toLowerCase(),
    disposition: splitHeaderValue(field('content-disposition'))[0],
    children: [],
  };
  const boundary = params.get('boundary');
  if (contentType.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    const childType = contentType === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    for (const [from, to] of partRanges(text, bodyStart, end, boundary)) {
      if (budget.parts <= 0) break;
      part.children.push(readPart(text, from, to, depth + 1, budget, childType));
    }
  }
  return part;
}

/** Header fields up to the first empty line; the body starts after it. */
function readHeaderBlock(text: string, start: number, end: number) {
  const fields: HeaderField[] = [];
  let pos = start;
  while (pos < end) {
    const lineEnd = lineEndAt(text, pos, end);
    const content = text.slice(pos, lineEnd.contentEnd);
    if (content === '') return { fields, headerEnd: pos, bodyStart: lineEnd.next };
    if ((content[0] === ' ' || content[0] === '\t') && fields.length) {
      fields[fields.length - 1].end = lineEnd.contentEnd;
    } else {
      const colon = content.indexOf(':');
      if (colon > 0)
        fields.push({
          name: content.slice(0, colon).trim().toLowerCase(),
          start: pos,
          end: lineEnd.contentEnd,
          valueStart: pos + colon + 1,
        });
    }
    pos = lineEnd.next;
  }
  return { fields, headerEnd: end, bodyStart: end };
}

function lineEndAt(text: string, pos: number, end: number) {
  const lf = text.indexOf('\n', pos);
  if (lf < 0 || lf >= end) return { contentEnd: end, next: end };
  return { contentEnd: lf > pos && text[lf - 1] === '\r' ? lf - 1 : lf, next: lf + 1 };
}

/** The byte ranges between a multipart body's delimiter lines (preamble and epilogue left out). */
function partRanges(text: string, start: number, end: number, boundary: string): [number, number][] {
  const delimiter = `--${boundary}`;
  const ranges: [number, number][] = [];
  let partStart = -1;
  let pos = start;
  while (pos < end) {
    const { contentEnd, next } = lineEndAt(text, pos, end);
    if (text.startsWith(delimiter, pos)) {
      const rest = text.slice(pos + delimiter.length, contentEnd);
      const closing = rest.startsWith('--');
      if (/^\s*$/.test(closing ? rest.slice(2) : rest)) {
        // The line break before a delimiter belongs to the delimiter.
        if (partStart >= 0) ranges.push([partStart, Math.max(partStart, lineStartBefore(text, pos))]);
        if (closing) return ranges;
        partStart = next;
      }
    }
    pos = next;
  }
  if (partStart >= 0) ranges.push([partStart, end]);
  return ranges;
}

function lineStartBefore(text: string, pos: number) {
  if (text[pos - 1] !== '\n') return pos;
  return text[pos - 2] === '\r' ? pos - 2 : pos - 1;
}

/** Folded lines joined. */
export const unfold = (value: string) => value.replace(/\r?\n(?=[ \t])/g, '');

/** `type/subtype; a=1; b="x y"` → ['type/subtype', {a: '1', b: 'x y'}], names lowercased. */
export function splitHeaderValue(value: string): [string, Map<string, string>] {
  const [head] = value.split(';', 1);
  const params = new Map<string, string>();
  for (const m of value.slice(head.length).matchAll(/;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    const raw = m[2].trim();
    params.set(m[1].toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw);
  }
  return [head.trim().toLowerCase(), params];
}
