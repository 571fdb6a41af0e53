import { describe, expect, it } from 'vitest';
import { deviceKindFor } from './deviceKind';

describe('deviceKindFor', () => {
  it('when the agent has a phone number, then calls ring that phone, in either mode', () => {
    expect(deviceKindFor({ mode: 'twilio', endpoint: 'phone', token: null })).toBe('phone');
    expect(deviceKindFor({ mode: 'simulator', endpoint: 'phone', token: null })).toBe('phone');
  });

  it('when calls ring the browser, then the simulator’s device without Twilio, the Voice SDK with a token', () => {
    expect(deviceKindFor({ mode: 'simulator', endpoint: 'browser', token: null })).toBe('simulator');
    expect(deviceKindFor({ mode: 'twilio', endpoint: 'browser', token: 'jwt' })).toBe('twilio');
  });

  it('when the server cannot give a token or says none, then no device', () => {
    expect(deviceKindFor({ mode: 'twilio', endpoint: 'browser', token: null })).toBe('none');
    expect(deviceKindFor({ mode: 'twilio', endpoint: 'none', token: null })).toBe('none');
  });
});
