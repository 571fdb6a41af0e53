import { describe, expect, it } from 'vitest';
import { aggregateScore, parseScore, parseYesNo } from './surveyScales';

describe('reading a reply as a score', () => {
  it('takes a lone number in the scale, full-width digits and a trailing # included', () => {
    expect(parseScore('csat', ' 4 ')).toBe(4);
    expect(parseScore('csat', '５')).toBe(5);
    expect(parseScore('nps', '10#')).toBe(10);
    expect(parseScore('nps', '0')).toBe(0);
  });
  it('refuses numbers outside the scale and text around a number', () => {
    expect(parseScore('csat', '0')).toBeNull();
    expect(parseScore('csat', '6')).toBeNull();
    expect(parseScore('ces', '8')).toBeNull();
    expect(parseScore('csat', '5 stars, thanks')).toBeNull();
    expect(parseScore('csat', 'my order is late')).toBeNull();
  });
  it('reads yes and no in English, Chinese and keypad digits', () => {
    expect(parseYesNo('1')).toBe(true);
    expect(parseYesNo('Yes')).toBe(true);
    expect(parseYesNo('是')).toBe(true);
    expect(parseYesNo('2')).toBe(false);
    expect(parseYesNo('否')).toBe(false);
    expect(parseYesNo('maybe')).toBeNull();
  });
});

describe('the score of a set of answers', () => {
  it('CSAT is the share of 4 and 5', () => expect(aggregateScore('csat', [5, 4, 3, 1])).toBe(50));
  it('NPS is promoters minus detractors', () => expect(aggregateScore('nps', [10, 9, 8, 6, 0])).toBe(0));
  it('NPS can be negative', () => expect(aggregateScore('nps', [10, 3, 2])).toBe(-33.3));
  it('CES is the mean', () => expect(aggregateScore('ces', [7, 6, 2])).toBe(5));
  it('is null without answers', () => expect(aggregateScore('csat', [])).toBeNull());
});
