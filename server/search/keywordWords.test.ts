import { describe, expect, it } from 'vitest';
import { keywordWords } from './keywordWords';

describe('the words a message is about', () => {
  it('when a Chinese message is read, then it is segmented and its function words dropped', () => {
    expect(keywordWords('我想申请退款，谢谢')).toEqual(['申请', '退款']);
  });

  it('when an English message is read, then words are lowercased, plurals folded and stop words dropped', () => {
    expect(keywordWords('Hi, I want REFUNDS for my deliveries and the address.')).toEqual([
      'want',
      'refund',
      'delivery',
      'address',
    ]);
  });

  it('when several texts are given, then their words count once', () => {
    expect(keywordWords('Refund', null, 'refunds please')).toEqual(['refund']);
  });
});
