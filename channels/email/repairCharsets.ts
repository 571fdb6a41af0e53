// Raw mail → the same mail with every legacy charset made explicit, before mailparser reads it. mailparser
// trusts labels: it reads raw header bytes as UTF-8, a body without a charset as UTF-8 and a body labelled
// "utf-8" or "gb2312" as exactly that. Mail from old clients breaks each of those (issue 14: undeclared GB2312
// bodies, raw GB2312 and Shift_JIS subjects and file names came out as U+FFFD). Here:
// - header fields (Subject, From, file names…) with raw 8-bit bytes are rewritten as UTF-8, the charset found
//   over all such bytes of the mail at once (a short subject alone is too little for a detector);
// - encoded words and RFC 2231 parameters with a missing, wrong or UTF-7 charset are fixed (headerCharsets.ts);
// - a text body's Content-Type gets the charset its bytes are really in (legacyCharset.ts), so mailparser
//   decodes it the way it decodes any labelled body.
// A mail that needs none of this is returned as the very same Buffer.

import { repairHeaderField } from './headerCharsets';
import {
  canonicalCharset,
  chooseCharset,
  decodesCleanly,
  hasIso2022Escapes,
  isAscii,
  isValidUtf8,
  ISO_2022_JP,
} from './legacyCharset';
import { mimeParts, type MimePart } from './mimeParts';

interface Edit {
  start: number;
  end: number;
  bytes: Buffer;
}

export function repairCharsets(raw: Buffer): Buffer {
  try {
    return repaired(raw);
  } catch {
    // A mail shaped beyond what this understands is parsed as it came, as it always was: never lost over a charset.
    return raw;
  }
}

function repaired(raw: Buffer): Buffer {
  const root = mimeParts(raw);
  const parts = flatten(root);
  const text = raw.toString('latin1');
  const newline = /\r\n/.test(text.slice(0, root.bodyStart || 2000)) ? '\r\n' : '\n';
  const bodies = new Map(
    parts.filter(isBodyText).map((p) => [p, transferDecoded(raw.subarray(p.bodyStart, p.bodyEnd), p.transferEncoding)]),
  );
  const bodyCharsets = new Map([...bodies].map(([p, body]) => [p, textCharset(body, p.params.get('charset'))]));
  const charsetOf = headerCharsetChooser(parts, text, bodies, bodyCharsets);

  const edits: Edit[] = [];
  for (const part of parts) {
    const fields = new Map<number, { end: number; text: string; encoding: 'utf8' | 'latin1' }>();
    for (const field of part.fields) {
      const repaired = repairHeaderField(field.name, text.slice(field.start, field.end), charsetOf);
      if (repaired !== null) fields.set(field.start, { end: field.end, text: repaired, encoding: 'utf8' });
    }
    const bodyCharset = bodyCharsets.get(part)?.relabel ?? null;
    if (bodyCharset) {
      const contentType = part.fields.find((f) => f.name === 'content-type');
      if (contentType) {
        const current = fields.get(contentType.start) ?? {
          end: contentType.end,
          text: text.slice(contentType.start, contentType.end),
          encoding: 'latin1' as const,
        };
        fields.set(contentType.start, { ...current, text: withCharset(current.text, bodyCharset) });
      } else {
        const line = `Content-Type: ${part.contentType}; charset=${bodyCharset.toUpperCase()}${newline}`;
        edits.push({ start: part.headerStart, end: part.headerStart, bytes: Buffer.from(line, 'latin1') });
      }
    }
    for (const [start, f] of fields) edits.push({ start, end: f.end, bytes: Buffer.from(f.text, f.encoding) });
  }
  return edits.length ? applyEdits(raw, edits) : raw;
}

function flatten(part: MimePart): MimePart[] {
  return [part, ...part.children.flatMap(flatten)];
}

/**
 * The charset raw 8-bit header bytes are read in: valid UTF-8 as UTF-8; else one charset for the whole mail, found
 * over all its undecodable header text and legacy body text together (a two-character name alone is too little
 * for any detector), with the body's charset as the hint; a field whose bytes do not fit it is sniffed alone.
 */
function headerCharsetChooser(
  parts: MimePart[],
  text: string,
  bodies: Map<MimePart, Buffer>,
  bodyCharsets: Map<MimePart, { charset: string }>,
) {
  const legacyHeaders = parts
    .flatMap((p) => p.fields)
    .map((f) => Buffer.from(text.slice(f.valueStart, f.end), 'latin1'))
    .filter((bytes) => !isAscii(bytes) && !isValidUtf8(bytes));
  if (!legacyHeaders.length) return () => 'utf-8';
  const legacyBodies = [...bodies].filter(([p]) => !['utf-8', ISO_2022_JP].includes(bodyCharsets.get(p)!.charset));
  // What the body is in, else what the mail says it is in.
  const hint =
    legacyBodies.map(([p]) => bodyCharsets.get(p)!.charset)[0] ??
    parts.map((p) => p.params.get('charset')).find((c) => c && !['utf-8', null].includes(canonicalCharset(c)));
  const sample = Buffer.concat([
    ...legacyHeaders.map(wordsWithHighBytes),
    ...legacyBodies.map(([, body]) => body.subarray(0, SAMPLE_BODY_BYTES)),
  ]);
  const shared = chooseCharset(sample, hint);
  return (bytes: Buffer) => {
    if (isValidUtf8(bytes)) return 'utf-8';
    if (shared !== 'utf-8' && decodesCleanly(bytes, shared)) return shared;
    return chooseCharset(wordsWithHighBytes(bytes), hint);
  };
}

// Enough of a body to tell its charset by; the rest only costs time.
const SAMPLE_BODY_BYTES = 16 * 1024;

/**
 * The words of a header value that hold 8-bit bytes, for a detector: an address or other ASCII around a short name
 * outweighs it. Split at spaces, <, >, ", ( and ): bytes no multi-byte charset uses inside a character.
 */
function wordsWithHighBytes(bytes: Buffer): Buffer {
  const words = bytes
    .toString('latin1')
    .split(/[\s<>"()]+/)
    .filter((word) => /[\x80-\xff]/.test(word));
  return Buffer.from(`${words.join(' ')} `, 'latin1');
}

/** Text mailparser shows as the mail's body (not a text file attached to it). */
const isBodyText = (part: MimePart) =>
  (part.contentType === 'text/plain' || part.contentType === 'text/html') &&
  (part.disposition === '' || part.disposition === 'inline');

/** The charset a body text part is in, and the label to give it when its own is wrong (null when it is right). */
function textCharset(body: Buffer, declared: string | undefined): { charset: string; relabel: string | null } {
  if (isAscii(body) && !hasIso2022Escapes(body)) return { charset: 'utf-8', relabel: null };
  const charset = chooseCharset(body, declared);
  const label = (declared ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (charset === 'utf-8')
    return { charset, relabel: ['', 'utf8', 'usascii', 'ascii'].includes(label) ? null : charset };
  return { charset, relabel: charset === declared?.toLowerCase() ? null : charset };
}

function transferDecoded(body: Buffer, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable')
    return Buffer.from(
      body
        .toString('latin1')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    );
  return body;
}

/** A Content-Type field with its charset parameter set (replaced, or added at the end). */
function withCharset(field: string, charset: string): string {
  const label = charset.toUpperCase();
  const existing = /(;\s*charset\s*=\s*)("[^"]*"|[^;\s]*)/i;
  return existing.test(field)
    ? field.replace(existing, `$1${label}`)
    : `${field.replace(/\s+$/, '')}; charset=${label}`;
}

function applyEdits(raw: Buffer, edits: Edit[]): Buffer {
  const sorted = edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const chunks: Buffer[] = [];
  let pos = 0;
  for (const edit of sorted) {
    if (edit.start < pos) continue;
    chunks.push(raw.subarray(pos, edit.start), edit.bytes);
    pos = edit.end;
  }
  chunks.push(raw.subarray(pos));
  return Buffer.concat(chunks);
}
