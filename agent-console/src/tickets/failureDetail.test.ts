import { describe, expect, it } from 'vitest';
import { failureDetail, isOwnFailureReason } from './failureDetail';

describe('failureDetail', () => {
  it('shows the message and the code', () => {
    expect(failureDetail('Unknown destination handset', '30005')).toEqual({
      message: 'Unknown destination handset',
      code: '30005',
    });
  });

  it('leaves out a code the message already names', () => {
    expect(failureDetail('Twilio error 30005', '30005')).toEqual({ message: 'Twilio error 30005', code: null });
  });

  it('makes do with either alone, and says nothing without both', () => {
    expect(failureDetail(null, '30003')).toEqual({ message: null, code: '30003' });
    expect(failureDetail('Carrier rejected', null)).toEqual({ message: 'Carrier rejected', code: null });
    expect(failureDetail(null, null)).toBeNull();
    expect(failureDetail('  ', '')).toBeNull();
  });
});

describe('isOwnFailureReason', () => {
  it('knows the reasons the server gives a send it could not settle, and nothing a provider says', () => {
    expect(isOwnFailureReason('send_interrupted')).toBe(true);
    expect(isOwnFailureReason('outcome_unknown')).toBe(true);
    expect(isOwnFailureReason('21610')).toBe(false);
    expect(isOwnFailureReason(null)).toBe(false);
  });
});
