// One header field rewritten so mailparser reads it right. mailparser takes header bytes as UTF-8, encoded words
// in the charset they name (GB2312 as GBK, UTF-7 refused) and RFC 2231 parameters in the charset they name. Old
// and careless clients write Subject, display names and file names as raw GB2312 or Shift_JIS bytes, label
// GB2312 words "utf-8", or leave a parameter's charset out. Here each of those becomes what it says: raw bytes
// turn into UTF-8, a misfit or UTF-7 encoded word into a UTF-8 one, a parameter's charset label into the right
// one. Anything that already reads right is returned as null (left byte for byte as it came).

import iconv from 'iconv-lite';
import { canonicalCharset, chooseCharset, decodeText, hasIso2022Escapes, isAscii, ISO_2022_JP } from './legacyCharset';

/** Fields whose bytes must stay exactly as sent: ids that thread and dedupe mail, and signatures over them. */
const KEEP_AS_SENT = new Set([
  'message-id',
  'in-reply-to',
  'references',
  'dkim-signature',
  'arc-seal',
  'arc-message-signature',
]);

/**
 * The field (name, colon and value, as latin1 text: one character per byte) rewritten as a Unicode string to be
 * written out as UTF-8, or null when it needs nothing. `charsetOf` picks the charset of raw 8-bit bytes.
 */
export function repairHeaderField(name: string, field: string, charsetOf: (bytes: Buffer) => string): string | null {
  if (KEEP_AS_SENT.has(name)) return null;
  const colon = field.indexOf(':') + 1;
  const head = field.slice(0, colon);
  let value = field.slice(colon);
  let changed = false;

  const bytes = Buffer.from(value, 'latin1');
  if (!isAscii(bytes)) {
    const charset = charsetOf(bytes);
    // Valid UTF-8 is what mailparser expects already.
    if (charset !== 'utf-8') {
      value = decodeText(bytes, charset);
      changed = true;
    } else value = bytes.toString('utf8');
  } else if (hasIso2022Escapes(bytes)) {
    value = iso2022AsEncodedWords(value);
    changed = true;
  }

  const words = reencodeWords(value);
  if (words !== value) [value, changed] = [words, true];
  if (name === 'content-type' || name === 'content-disposition') {
    const params = relabelRfc2231(value);
    if (params !== value) [value, changed] = [params, true];
  }
  return changed ? head + value : null;
}

// RFC 2047: =?charset(*language)?Q|B?text?=, with only whitespace between adjacent words.
const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([QqBb])\?([^?\s]*)\?=/g;
const WORD_RUN = /=\?[^?\s]+\?[QqBb]\?[^?\s]*\?=(?:\s*=\?[^?\s]+\?[QqBb]\?[^?\s]*\?=)*/g;

/**
 * Encoded words mailparser would misread become UTF-8 words: legacy charsets (read as their superset), words
 * whose bytes do not fit their label, and UTF-7. Adjacent words in one charset are decoded together, since a
 * client may split a character between them. UTF-8 words that are valid and ISO-2022-JP words are kept.
 */
function reencodeWords(value: string): string {
  return value.replace(WORD_RUN, (run) => {
    const words = [...run.matchAll(ENCODED_WORD)].map((m) => ({
      label: m[1],
      bytes: wordBytes(m[2], m[3]),
      raw: m[0],
    }));
    const groups: { label: string; bytes: Buffer[]; raw: string[] }[] = [];
    for (const w of words) {
      const last = groups.at(-1);
      if (last && last.label.toLowerCase() === w.label.toLowerCase()) {
        last.bytes.push(w.bytes);
        last.raw.push(w.raw);
      } else groups.push({ label: w.label, bytes: [w.bytes], raw: [w.raw] });
    }
    return groups
      .map((g) => {
        const text = wordText(g.label, Buffer.concat(g.bytes));
        return text === null ? g.raw.join(' ') : utf8Word(text);
      })
      .join(' ');
  });
}

/** The words' text when mailparser would misread them; null when it reads them right. */
function wordText(label: string, bytes: Buffer): string | null {
  const key = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/^(unicode11)?utf7$/.test(key)) return iconv.decode(bytes, 'utf-7');
  const declared = canonicalCharset(label);
  if (declared === ISO_2022_JP && isAscii(bytes)) return null;
  const charset = chooseCharset(bytes, label);
  if (charset === 'utf-8' && (key === 'utf8' || key === 'usascii' || key === 'ascii')) return null;
  if (charset === ISO_2022_JP) return null;
  return decodeText(bytes, charset);
}

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  return Buffer.from(
    text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

const utf8Word = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

/** Raw ISO-2022-JP runs (escape in, text, escape back) as encoded words, which mailparser decodes. */
function iso2022AsEncodedWords(value: string): string {
  // eslint-disable-next-line no-control-regex -- the escape sequences are what this looks for
  return value.replace(/\x1b\$[@B][^\x1b]*(?:\x1b\([BJ]|$)/g, (run) => {
    const closed = /\x1b\([BJ]$/.test(run) ? run : `${run}\x1b(B`; // eslint-disable-line no-control-regex
    return `=?ISO-2022-JP?B?${Buffer.from(closed, 'latin1').toString('base64')}?=`;
  });
}

/**
 * RFC 2231 parameters (`filename*=gb2312''%C4%E3`, also split as `filename*0*=…; filename*1*=…`) with their
 * charset label set to what the bytes are: a missing or wrong label sniffed, a legacy one widened to its superset.
 */
function relabelRfc2231(value: string): string {
  return value.replace(
    /(([\w.-]+)\*(?:0\*)?=\s*"?)([^'"\s;]*)('[^'"]*')/g,
    (whole, head: string, name: string, label: string, language: string) => {
      const bytes = Buffer.from(rfc2231Bytes(value, name), 'latin1');
      const charset = chooseCharset(bytes, label);
      const fits = charset === canonicalCharset(label) && charset === label.toLowerCase();
      return fits || (isAscii(bytes) && charset !== ISO_2022_JP) ? whole : `${head}${charset.toUpperCase()}${language}`;
    },
  );
}

/** The bytes (as latin1 text) of an RFC 2231 parameter, its sections joined in order. */
function rfc2231Bytes(value: string, name: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const sections = [...value.matchAll(new RegExp(`(?:^|;)\\s*${escaped}\\*(\\d+)?(\\*)?=\\s*("[^"]*"|[^;\\s]*)`, 'gi'))]
    .map((m) => ({ index: Number(m[1] ?? 0), encoded: m[2] === '*' || m[1] === undefined, text: m[3] }))
    .sort((a, b) => a.index - b.index);
  return sections
    .map(({ index, encoded, text }) => {
      let t = text.replace(/^"|"$/g, '');
      if (index === 0 && encoded) t = t.replace(/^[^']*'[^']*'/, '');
      return encoded ? t.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : t;
    })
    .join('');
}
