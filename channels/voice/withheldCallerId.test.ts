import { describe, expect, it } from 'vitest';
import { isWithheldCallerId } from './withheldCallerId';

describe('isWithheldCallerId', () => {
  it('recognises the words carriers send, in any case', () => {
    for (const from of [
      'anonymous',
      'Anonymous',
      'ANONYMOUS',
      'Restricted',
      'Unknown',
      'Private',
      'Unavailable',
      'Blocked',
      ' anonymous ',
    ]) {
      expect(isWithheldCallerId(from), from).toBe(true);
    }
  });

  it('recognises the keypad spellings Twilio turns them into, with or without +', () => {
    for (const from of ['+266696687', '266696687', '+7378742833', '+8656696', '+86282452253', '+2562533', '+7748283']) {
      expect(isWithheldCallerId(from), from).toBe(true);
    }
  });

  it('recognises an empty caller ID and an anonymous SIP address', () => {
    expect(isWithheldCallerId('')).toBe(true);
    expect(isWithheldCallerId('   ')).toBe(true);
    expect(isWithheldCallerId('sip:anonymous@anonymous.invalid')).toBe(true);
  });

  it('does not take a real caller for a withheld one', () => {
    for (const from of [
      '+14155550100',
      '+442071838750',
      '+8613800138000',
      'client:agent-1',
      'sip:alice@example.com',
      'anonymous-ish',
    ]) {
      expect(isWithheldCallerId(from), from).toBe(false);
    }
  });
});
