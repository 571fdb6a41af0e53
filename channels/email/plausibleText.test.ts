import { describe, expect, it } from 'vitest';
import { implausibility } from './plausibleText';

describe('implausibility', () => {
  it.each([
    '打印机卡纸怎么办，请帮忙。',
    '先週注文した商品の納品書がまだ届いていません。',
    '김민지 배송 지연 문의',
    'Иван Петров',
    'José García – «Grüße» …',
    'Zgłoszenie: drukarka nie działa',
    'Order 5512 (€ 40,00)',
  ])('when the text is written language (%s), then it scores 0', (text) => {
    expect(implausibility(text)).toBe(0);
  });

  it.each([
    ['уен╟', 'a box-drawing symbol among letters'],
    ['چ²“،', 'symbols where letters should be'],
    ['Josι Garcνa', 'Greek letters inside Latin words'],
    ['БхСу', 'case flipping inside a word'],
    ['증捏', 'Hangul and Han in one word'],
  ])('when the text is %s (%s), then it scores above 0', (text) => {
    expect(implausibility(text)).toBeGreaterThan(0);
  });
});
