import { describe, expect, it } from 'vitest';
import { isUuencodeTransfer, uudecodePart, uuencodedFiles } from './uuencode';

// Python's binascii.b2a_uu output for these bytes, written out so the decoder is checked against another encoder.
const SERIAL = 'begin 644 serial.txt\n,4TXZ(%!8+30T,3`*\n`\nend\n';

describe('uuencode', () => {
  it('when a part is x-uuencode, then its file is the 12 bytes it carries, not the 20 encoded ones', () => {
    const file = uudecodePart(Buffer.from(SERIAL));
    expect(file).toEqual({ filename: 'serial.txt', content: Buffer.from('SN: PX-4410\n') });
    expect(isUuencodeTransfer('X-UUENCODE')).toBe(true);
    expect(isUuencodeTransfer('base64')).toBe(false);
  });

  it('when a plain-text body holds a begin 644 block, then it comes out as a file and the text keeps the rest', () => {
    const { files, text } = uuencodedFiles(`Serial attached.\n\n${SERIAL}\nThanks, Ann\n`);
    expect(files).toEqual([{ filename: 'serial.txt', content: Buffer.from('SN: PX-4410\n') }]);
    expect(text).toBe('Serial attached.\n\n\nThanks, Ann\n');
  });

  it('when a line merely starts with "begin" in prose, then the text is left alone', () => {
    const prose = 'begin 644 is the mode\nwe use for files, said the admin\nend\n';
    expect(uuencodedFiles(prose)).toEqual({ files: [], text: prose });
  });

  it('when a file is longer than one line, then every line is decoded', () => {
    const bytes = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
    // Python's binascii.b2a_uu output for bytes 0..99.
    const encoded = [
      'begin 644 bytes.bin',
      'M``$"`P0%!@<("0H+#`T.#Q`1$A,4%187&!D:&QP=\'A\\@(2(C)"4F)R@I*BLL',
      "M+2XO,#$R,S0U-C<X.3H[/#T^/T!!0D-$149'2$E*2TQ-3D]045)35%565UA9",
      '*6EM<75Y?8&%B8P``',
      '`',
      'end',
    ].join('\n');
    expect(uuencodedFiles(encoded).files[0].content).toEqual(bytes);
  });
});
