import { describe, expect, it } from 'vitest';
import { advancesStatus, isCallStatus } from './callStatus';

describe('call status order', () => {
  it('moves forward only', () => {
    expect(advancesStatus('initiated', 'ringing')).toBe(true);
    expect(advancesStatus('ringing', 'in-progress')).toBe(true);
    expect(advancesStatus('in-progress', 'ringing')).toBe(false);
    expect(advancesStatus('ringing', 'ringing')).toBe(false);
  });

  it('never replaces a final status, whichever arrives first', () => {
    expect(advancesStatus('in-progress', 'completed')).toBe(true);
    expect(advancesStatus('completed', 'in-progress')).toBe(false);
    expect(advancesStatus('completed', 'failed')).toBe(false);
    expect(advancesStatus('no-answer', 'completed')).toBe(false);
  });

  it('knows Twilio’s statuses', () => {
    expect(isCallStatus('no-answer')).toBe(true);
    expect(isCallStatus('answered')).toBe(false);
  });
});
