import { describe, expect, it } from 'vitest';
import { answerTone, formatAggregateScore, formatRate } from './surveyScale';

describe('answerTone', () => {
  it('when a score is flagged low, then it reads as danger whatever the scale', () => {
    expect(answerTone('csat', 2, true)).toBe('danger');
    expect(answerTone('nps', 6, true)).toBe('danger');
  });

  it('when a score is good on its scale, then it reads as success; in between as a warning', () => {
    expect(answerTone('csat', 4, false)).toBe('success');
    expect(answerTone('csat', 3, false)).toBe('warning');
    expect(answerTone('nps', 9, false)).toBe('success');
    expect(answerTone('nps', 8, false)).toBe('warning');
    expect(answerTone('ces', 6, false)).toBe('success');
    expect(answerTone('ces', 4, false)).toBe('warning');
  });

  it('when there is no answer yet, then it is neutral', () => {
    expect(answerTone('csat', null, false)).toBe('neutral');
  });
});

describe('formatAggregateScore', () => {
  it('when CSAT, then the share of satisfied answers as a percentage', () => {
    expect(formatAggregateScore('csat', 82.4, 'en')).toBe('82%');
  });

  it('when NPS, then a signed whole number, zero without a sign', () => {
    expect(formatAggregateScore('nps', 35, 'en')).toBe('+35');
    expect(formatAggregateScore('nps', -10.2, 'en')).toBe('−10');
    expect(formatAggregateScore('nps', 0, 'en')).toBe('0');
  });

  it('when CES, then the mean to one decimal in the reader’s language', () => {
    expect(formatAggregateScore('ces', 5.25, 'en')).toBe('5.3');
    expect(formatAggregateScore('ces', 5, 'zh-CN')).toBe('5.0');
  });

  it('when nothing was answered, then a dash', () => {
    expect(formatAggregateScore('csat', null, 'en')).toBe('–');
  });
});

describe('formatRate', () => {
  it('when surveys were sent, then the response rate as a whole percentage', () => {
    expect(formatRate(0.456, 'en')).toBe('46%');
    expect(formatRate(1, 'zh-CN')).toBe('100%');
  });

  it('when none were sent, then a dash', () => {
    expect(formatRate(null, 'en')).toBe('–');
  });
});
