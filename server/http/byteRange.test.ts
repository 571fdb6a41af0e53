import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byteRange';

describe('parseByteRange', () => {
  it('when a range is asked for, then it is read as inclusive offsets clipped to the body', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseByteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('when there is no header, several ranges or a malformed one, then the whole body is sent', () => {
    for (const header of [undefined, '', 'bytes=-', 'bytes=0-1,5-9', 'items=0-5', 'bytes=9-3', 'bytes=a-b']) {
      expect(parseByteRange(header, 1000), String(header)).toBeNull();
    }
  });

  it('when the range starts past the end, then it is unsatisfiable', () => {
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});
