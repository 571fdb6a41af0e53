// uuencoded files, which mailparser leaves as they came: a part sent with Content-Transfer-Encoding x-uuencode
// (stored encoded, it was 20 bytes instead of 12 in issue 14), and the `begin 644 name … end` blocks old
// clients put straight into a plain-text body. Both become the file they carry.

export interface UuencodedFile {
  filename: string;
  content: Buffer;
}

const TRANSFER_ENCODINGS = new Set(['x-uuencode', 'uuencode', 'x-uue', 'uue']);
// `begin <mode> <name>`, the encoded lines, then `end` (a "`" line, the empty one, usually comes before it).
const BLOCK = /^begin [0-7]{3,4} ([^\r\n]+)\r?\n([\s\S]*?)^end[ \t]*(?:\r?\n|$)/gm;

export const isUuencodeTransfer = (encoding: string | undefined) =>
  !!encoding && TRANSFER_ENCODINGS.has(encoding.trim().toLowerCase());

/** The file in a uuencoded part's content; null when it holds no `begin` block. */
export function uudecodePart(content: Buffer): UuencodedFile | null {
  return uuencodedFiles(content.toString('latin1')).files[0] ?? null;
}

/** The files in `begin … end` blocks in a text, and the text without them. */
export function uuencodedFiles(text: string): { files: UuencodedFile[]; text: string } {
  const files: UuencodedFile[] = [];
  const rest = text.replace(BLOCK, (whole, filename: string, body: string) => {
    const content = decodeLines(body);
    if (content === null) return whole;
    files.push({ filename: filename.trim(), content });
    return '';
  });
  return { files, text: files.length ? rest : text };
}

/** Each line: a length character, then 4 characters per 3 bytes, each character 32 + six bits ("`" for 0). */
function decodeLines(body: string): Buffer | null {
  const bytes: number[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (line === '') continue;
    const length = (line.charCodeAt(0) - 32) & 63;
    if (length === 0) continue;
    const chars = line.slice(1);
    // Not uuencode after all (a line of prose that happened to follow a "begin 644 x" line).
    if (chars.length < Math.ceil(length / 3) * 4 - 2 || /[^\x20-\x60]/.test(chars)) return null;
    const six = (i: number) => ((chars.charCodeAt(i) || 32) - 32) & 63;
    for (let i = 0, n = 0; n < length; i += 4) {
      const group = [six(i), six(i + 1), six(i + 2), six(i + 3)];
      const triple = [
        (group[0] << 2) | (group[1] >> 4),
        ((group[1] & 15) << 4) | (group[2] >> 2),
        ((group[2] & 3) << 6) | group[3],
      ];
      for (const b of triple) if (n++ < length) bytes.push(b);
    }
  }
  return Buffer.from(bytes);
}
