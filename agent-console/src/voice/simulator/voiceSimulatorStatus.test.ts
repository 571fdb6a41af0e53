import { describe, expect, it } from 'vitest';
import { voiceSimulatorOf } from './voiceSimulatorStatus';

const sms = { enabled: true, companyNumber: '+15005550006' };
const email = { enabled: false, address: 'support@simulator.switchboard.test' };

describe('voiceSimulatorOf', () => {
  it('is what the server reports for voice', () => {
    expect(voiceSimulatorOf({ sms, email, voice: { enabled: false, companyNumber: '+15005550007' } })).toEqual({ enabled: false, companyNumber: '+15005550007' });
  });

  it('follows the SMS simulator when the server does not report voice', () => {
    expect(voiceSimulatorOf({ sms, email })).toEqual(sms);
    expect(voiceSimulatorOf({ sms: { ...sms, enabled: false }, email }).enabled).toBe(false);
  });
});
