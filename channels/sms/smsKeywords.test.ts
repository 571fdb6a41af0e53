import { describe, expect, it } from 'vitest';
import { smsKeyword } from './smsKeywords';

describe('smsKeyword', () => {
  it.each(['STOP', 'UNSUBSCRIBE', 'END', 'QUIT', 'CANCEL', 'OPTOUT', 'STOPALL', 'REVOKE'])(
    'when the text is %s, then it is an opt-out',
    (word) => {
      expect(smsKeyword(word)).toBe('stop');
      expect(smsKeyword(`  ${word.toLowerCase()}! `)).toBe('stop');
    },
  );

  it.each(['START', 'YES', 'UNSTOP'])('when the text is %s, then it is an opt-in', (word) => {
    expect(smsKeyword(word.toLowerCase())).toBe('start');
  });

  it('when the text is HELP, then it is a help request', () => {
    expect(smsKeyword('Help')).toBe('help');
  });

  it('when a keyword is part of a sentence, then it is an ordinary message', () => {
    expect(smsKeyword('please stop calling me at work')).toBeNull();
    expect(smsKeyword('yes please, that works')).toBeNull();
    expect(smsKeyword('停止')).toBeNull();
  });
});
