import { describe, expect, it } from 'vitest';
import type { HealthSettings } from '../../../server/http/surveyApiTypes';
import { complaintWordsOf, healthSettingsDraft, healthSettingsOf } from './healthSettingsDraft';

const rule = { enabled: true, weight: 10, maxPoints: 30 };
const settings: HealthSettings = {
  atRiskThreshold: 40,
  lookbackDays: 90,
  repeatContactDays: 7,
  volumeFactor: 2,
  openTooLongDays: 5,
  complaintWords: ['投诉', '退款', 'cancel'],
  rules: {
    repeat_contacts: rule,
    volume_above_baseline: rule,
    low_scores: { ...rule, weight: 20 },
    sla_breaches: rule,
    open_too_long: rule,
    missed_callback: rule,
    sms_opt_out: { enabled: false, weight: 15, maxPoints: 15 },
    complaint_words: rule,
  },
};

describe('health settings draft', () => {
  it('when saved unchanged, then the settings go back exactly as read', () => {
    expect(healthSettingsOf(healthSettingsDraft(settings))).toEqual(settings);
  });

  it('when a number is left empty, then it goes out as null for the server to name', () => {
    const draft = healthSettingsDraft(settings);
    const input = healthSettingsOf({
      ...draft,
      rules: { ...draft.rules, low_scores: { ...draft.rules.low_scores, weight: '' } },
    });
    expect(input.rules.low_scores.weight).toBeNull();
  });
});

describe('complaintWordsOf', () => {
  it('when words are typed one per line, then blank lines, spaces and repeats (any case) drop out', () => {
    expect(complaintWordsOf(' 投诉 \n\nCancel\r\ncancel\n  money   back \n退款')).toEqual([
      '投诉',
      'Cancel',
      'money back',
      '退款',
    ]);
  });
});
