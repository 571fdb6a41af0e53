import { describe, expect, it } from 'vitest';
import { countSmsSegments } from './smsSegments';

describe('countSmsSegments', () => {
  it('when the text is plain GSM-7, then 160 characters fit one segment and 161 need two of 153', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
      remainingInSegment: 0,
    });
    expect(countSmsSegments('a'.repeat(161))).toMatchObject({ segments: 2, remainingInSegment: 306 - 161 });
    expect(countSmsSegments('')).toMatchObject({ segments: 0 });
  });

  it('when the text has GSM extension characters, then each counts twice', () => {
    expect(countSmsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSmsSegments('{'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  it('when the text is Chinese, then it is UCS-2: 70 characters per segment, then 67', () => {
    expect(countSmsSegments('你好'.repeat(35))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSmsSegments('你好'.repeat(35) + '。')).toMatchObject({ encoding: 'UCS-2', units: 71, segments: 2 });
  });

  it('when one emoji joins a GSM text, then the whole text becomes UCS-2 and an emoji counts as two units', () => {
    expect(countSmsSegments(`${'a'.repeat(68)}🙂`)).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
  });
});
