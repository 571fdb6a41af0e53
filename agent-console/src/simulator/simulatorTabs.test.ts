import { describe, expect, it } from 'vitest';
import type { SimulatorStatus } from '../../../server/http/apiTypes';
import { enabledSimulatorTabs, shownSimulatorTab } from './simulatorTabs';

const status = (sms: boolean, email: boolean, voice = false): SimulatorStatus => ({
  sms: { enabled: sms, companyNumber: '+15005550006' },
  email: { enabled: email, address: 'support@simulator.switchboard.test' },
  voice: { enabled: voice, companyNumber: '+15005550006' },
});

describe('enabledSimulatorTabs', () => {
  it('lists the simulators that run, in tab order', () => {
    expect(enabledSimulatorTabs(status(true, true))).toEqual(['sms', 'email']);
    expect(enabledSimulatorTabs(status(true, true, true))).toEqual(['sms', 'email', 'voice']);
    expect(enabledSimulatorTabs(status(false, true))).toEqual(['email']);
    expect(enabledSimulatorTabs(status(false, false))).toEqual([]);
  });

  it('lists none before the status is known', () => {
    expect(enabledSimulatorTabs(null)).toEqual([]);
  });
});

describe('shownSimulatorTab', () => {
  it('keeps the chosen tab while its simulator runs', () => {
    expect(shownSimulatorTab(['sms', 'email'], 'email')).toBe('email');
  });

  it('falls back to the first running simulator, or none', () => {
    expect(shownSimulatorTab(['sms', 'email'], null)).toBe('sms');
    expect(shownSimulatorTab(['email'], 'sms')).toBe('email');
    expect(shownSimulatorTab([], 'sms')).toBeNull();
  });
});
