import { describe, expect, it } from 'vitest';
import { callableOwnNumber, keyedCallbackNumber } from './callbackNumber';

describe('keyedCallbackNumber', () => {
  it('reads a national number in the caller’s own country, not as an international one', () => {
    expect(keyedCallbackNumber('3105551234', '+14155550100')).toBe('+13105551234');
    expect(keyedCallbackNumber('2025550123#', '+14155550100')).toBe('+12025550123');
    expect(keyedCallbackNumber('020 7946 0958', '+447700900123')).toBe('+442079460958');
  });

  it('takes an international number after 00, or 011 from a North American phone', () => {
    expect(keyedCallbackNumber('00442079460958', '+14155550100')).toBe('+442079460958');
    expect(keyedCallbackNumber('011442079460958', '+14155550100')).toBe('+442079460958');
  });

  it('falls back to the configured region for a caller without a usable number, else reads the digits as international', () => {
    expect(keyedCallbackNumber('3105551234', null, 'US')).toBe('+13105551234');
    expect(keyedCallbackNumber('442079460958', null)).toBe('+442079460958');
  });

  it('refuses what cannot be a phone number', () => {
    expect(keyedCallbackNumber('12', '+14155550100')).toBeNull();
    expect(keyedCallbackNumber('1234567', '+14155550100')).toBeNull();
  });
});

describe('callableOwnNumber', () => {
  it('is the caller’s number in E.164, or null when they withheld it or it is no phone number', () => {
    expect(callableOwnNumber('+14155550100')).toBe('+14155550100');
    expect(callableOwnNumber('anonymous')).toBeNull();
    expect(callableOwnNumber('+266696687')).toBeNull();
    expect(callableOwnNumber('sip:alice@example.com')).toBeNull();
    expect(callableOwnNumber('client:agent-1')).toBeNull();
  });
});
