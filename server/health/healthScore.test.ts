import { describe, expect, it } from 'vitest';
import { HEALTH_REASON_KINDS } from '../http/surveyApiTypes';
import { defaultHealthSettings } from './healthSettings';
import { complaintWordsIn, scoreHealth, type HealthSignals } from './healthScore';

const none = (): HealthSignals =>
  Object.fromEntries(HEALTH_REASON_KINDS.map((k) => [k, { count: 0, details: [] }])) as unknown as HealthSignals;

describe('the health score', () => {
  it('is 100 with nothing seen, and not at risk', () => {
    expect(scoreHealth(none(), defaultHealthSettings())).toEqual({ score: 100, atRisk: false, reasons: [] });
  });

  it('takes each reason’s weight per occurrence, capped, heaviest reason first', () => {
    const signals = none();
    signals.low_scores = { count: 3, details: ['csat 1', 'csat 2', 'csat 1'] };
    signals.repeat_contacts = { count: 1, details: [] };
    const { score, atRisk, reasons } = scoreHealth(signals, defaultHealthSettings());
    expect(reasons.map((r) => [r.kind, r.points])).toEqual([
      ['low_scores', 40],
      ['repeat_contacts', 10],
    ]);
    expect(score).toBe(50);
    expect(atRisk).toBe(true);
  });

  it('leaves out a reason an admin turned off', () => {
    const settings = defaultHealthSettings();
    settings.rules.sms_opt_out.enabled = false;
    const signals = none();
    signals.sms_opt_out = { count: 1, details: [] };
    expect(scoreHealth(signals, settings).score).toBe(100);
  });
});

describe('complaint words', () => {
  it('finds Chinese words inside sentences and English words whole, whatever their case', () => {
    const words = defaultHealthSettings().complaintWords;
    expect(complaintWordsIn(['我要投诉你们，还要退款！'], words).sort()).toEqual(['投诉', '退款'].sort());
    expect(complaintWordsIn(['Please CANCEL my subscription'], words)).toEqual(['cancel']);
    expect(complaintWordsIn(['scancelled nothing here'], words)).toEqual([]);
  });
});
