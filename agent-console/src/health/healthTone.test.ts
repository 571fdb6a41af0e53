import { describe, expect, it } from 'vitest';
import type { HealthReason } from '../../../server/http/surveyApiTypes';
import { healthTone, weightiestReasons } from './healthTone';

const reason = (kind: HealthReason['kind'], points: number): HealthReason => ({ kind, points, count: 1, details: [] });

describe('healthTone', () => {
  it('when the customer is at risk, then danger', () => {
    expect(healthTone({ atRisk: true, reasons: [reason('complaint_words', 40)] })).toBe('danger');
  });

  it('when something counts against a customer not at risk, then a warning; with nothing, success', () => {
    expect(healthTone({ atRisk: false, reasons: [reason('sms_opt_out', 10)] })).toBe('warning');
    expect(healthTone({ atRisk: false, reasons: [reason('sms_opt_out', 0)] })).toBe('success');
    expect(healthTone({ atRisk: false, reasons: [] })).toBe('success');
  });
});

describe('weightiestReasons', () => {
  it('when several reasons cost points, then the heaviest come first and free ones are left out', () => {
    const reasons = [
      reason('repeat_contacts', 10),
      reason('sms_opt_out', 0),
      reason('complaint_words', 30),
      reason('low_scores', 10),
    ];
    expect(weightiestReasons(reasons).map((r) => r.kind)).toEqual(['complaint_words', 'repeat_contacts', 'low_scores']);
  });
});
