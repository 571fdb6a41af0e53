// Which charset some mail bytes are really in, the way Zammad settles it: bytes that are valid UTF-8 are UTF-8;
// else the declared charset when the bytes are valid in it; else what a detector (jschardet) finds. Mail clients
// label GBK and GB18030 text "gb2312", Windows-31J "Shift_JIS" and Unified Hangul "ks_c_5601-1987", so each is
// read as its superset. Decoding is iconv-lite's; ISO-2022-JP, which iconv-lite lacks, is only recognised here
// and left to mailparser (it decodes a part or an encoded word labelled ISO-2022-JP).

import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { implausibility } from './plausibleText';

/** The charsets mail is written in that we sniff for; everything else a detector knows is noise for mail. */
const DETECTABLE = [
  'UTF-8',
  'GB18030',
  'Big5',
  'SHIFT_JIS',
  'EUC-JP',
  'ISO-2022-JP',
  'EUC-KR',
  'KOI8-R',
  'KOI8-U',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'ISO-8859-2',
  'ISO-8859-5',
  'ISO-8859-7',
];

/** The superset iconv-lite should read a charset name as (names compared without case or punctuation). */
const SUPERSETS: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  xgbk: 'gb18030',
  cp936: 'gb18030',
  chinese: 'gb18030',
  csgb2312: 'gb18030',
  shiftjis: 'cp932',
  sjis: 'cp932',
  xsjis: 'cp932',
  mskanji: 'cp932',
  windows31j: 'cp932',
  shiftjis2004: 'cp932',
  euckr: 'cp949',
  ksc56011987: 'cp949',
  ksc5601: 'cp949',
  korean: 'cp949',
  big5: 'big5hkscs',
  cnbig5: 'big5hkscs',
  xxbig5: 'big5hkscs',
  eucjis2004: 'euc-jp',
  iso88591: 'windows-1252',
  latin1: 'windows-1252',
  usascii: 'utf-8',
  ascii: 'utf-8',
  utf8: 'utf-8',
};

// Charsets a mixed-up label cannot be trusted over: every byte is "valid" in them.
const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru])$/;
const MULTI_BYTE = new Set(['gb18030', 'big5hkscs', 'cp932', 'euc-jp', 'cp949']);
export const ISO_2022_JP = 'iso-2022-jp';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The name iconv-lite reads a declared or detected charset as (its superset), or null for one it cannot read. */
export function canonicalCharset(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/^(cs)?iso2022jp/.test(key)) return ISO_2022_JP;
  const mapped = SUPERSETS[key] ?? name.toLowerCase();
  // UTF-7 is read only where it is asked for by name (encoded words, rawHeaders.ts), never as a guess.
  if (/^(unicode11)?utf7/.test(key)) return null;
  return iconv.encodingExists(mapped) ? mapped : null;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export const isAscii = (bytes: Uint8Array) => bytes.every((b) => b < 0x80);

/** 7-bit text switching into JIS X 0208 or JIS X 0201 by escape sequences: ISO-2022-JP written without a label. */
// eslint-disable-next-line no-control-regex -- the escape character is what this looks for
export const hasIso2022Escapes = (bytes: Buffer) => /\x1b(\$[@B(]|\([BIJ])/.test(bytes.toString('latin1'));

/** Decodes cleanly: no byte sequence the charset does not define (iconv-lite shows those as U+FFFD). */
export function decodesCleanly(bytes: Buffer, charset: string): boolean {
  if (charset === 'utf-8') return isValidUtf8(bytes);
  if (charset === ISO_2022_JP) return isAscii(bytes);
  const text = iconv.decode(bytes, charset);
  // A U+FFFD that was in the bytes already (as UTF-8 it would not be here) does not count.
  return !text.includes('\ufffd');
}

/** The charsets the detector finds for these bytes, most likely first, each as iconv-lite's superset. */
export function detectedCharsets(bytes: Buffer): string[] {
  const found = jschardet.detectAll(bytes, { detectEncodings: DETECTABLE, minimumThreshold: 0 });
  return [...new Set(found.flatMap((r) => canonicalCharset(r.encoding) ?? []))];
}

// Judging how a decoding reads needs no more than the start of the text.
const PLAUSIBILITY_SAMPLE_BYTES = 4096;

/**
 * The charsets that decode the bytes cleanly, the one whose text reads most like a language first, the detector's
 * order among equals (plausibleText.ts: short text is where the detector alone guesses wrong).
 */
function cleanCandidates(bytes: Buffer): string[] {
  const sample = bytes.subarray(0, PLAUSIBILITY_SAMPLE_BYTES);
  return detectedCharsets(bytes)
    .filter((c) => c !== 'utf-8' && decodesCleanly(bytes, c))
    .map((charset, rank) => ({
      charset,
      rank,
      points: charset === ISO_2022_JP ? 0 : implausibility(iconv.decode(sample, charset)),
    }))
    .sort((a, b) => a.points - b.points || a.rank - b.rank)
    .map((c) => c.charset);
}

/**
 * The charset to read these bytes in: `declared` (a part's or a parameter's label, if any) when it fits the
 * bytes, else what the detector finds. Pure ASCII keeps its label; so does text nothing better fits.
 */
export function chooseCharset(bytes: Buffer, declared?: string | null): string {
  const label = canonicalCharset(declared);
  if (isAscii(bytes)) {
    if (label === ISO_2022_JP || !hasIso2022Escapes(bytes)) return label ?? 'utf-8';
    return detectedCharsets(bytes)[0] === ISO_2022_JP ? ISO_2022_JP : (label ?? 'utf-8');
  }
  const validUtf8 = isValidUtf8(bytes);
  // A multi-byte UTF-8 sequence is no accident: a "latin1" label on it is the sender's client being wrong.
  if (validUtf8 && (!label || label === 'utf-8' || SINGLE_BYTE.test(label))) return 'utf-8';
  const detected = cleanCandidates(bytes);
  if (label && label !== 'utf-8' && decodesCleanly(bytes, label)) {
    // A single-byte label fits any bytes; text the detector reads as Chinese, Japanese or Korean is that.
    if (SINGLE_BYTE.test(label) && detected[0] && MULTI_BYTE.has(detected[0])) return detected[0];
    return label;
  }
  return detected[0] ?? (label && label !== 'utf-8' ? label : 'windows-1252');
}

/** The bytes as text in that charset (iconv-lite; never ISO-2022-JP, which mailparser reads). */
export function decodeText(bytes: Buffer, charset: string): string {
  return charset === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, charset);
}
