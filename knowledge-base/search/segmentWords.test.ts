import { describe, expect, it } from 'vitest';
import {
  indexText,
  indexWords,
  joinSpacedWords,
  MAX_INDEXED_CHARS,
  prefixQuery,
  queryWords,
  spaceChineseWords,
} from './segmentWords';

describe('segmenting text for search', () => {
  it('when Chinese is indexed, then it is cut into words, and a long word also yields the words inside it', () => {
    expect(indexWords('如何申请退款')).toEqual(['如何', '申请', '退款']);
    expect(indexWords('中华人民共和国')).toEqual(expect.arrayContaining(['中华', '人民', '共和国', '中华人民共和国']));
  });

  it('when mixed text is indexed, then punctuation and spaces are dropped and English words kept as written', () => {
    expect(indexText('Refund?', '我想退款，订单 A-123。')).toBe('Refund 我 想 退款 订单 A-123');
  });

  it('when a text is longer than the indexed part, then only its start is indexed', () => {
    const words = indexWords(`${'word '.repeat(MAX_INDEXED_CHARS / 5)}unindexed`);
    expect(words).not.toContain('unindexed');
    expect(words.length).toBe(MAX_INDEXED_CHARS / 5);
  });

  it('when a query is segmented, then each word comes once', () => {
    expect(queryWords('退款 退款 refund')).toEqual(['退款', 'refund']);
    expect(queryWords(' ，。!? ')).toEqual([]);
  });

  it('when a query is built, then every word is quoted and a prefix, so typed operators are only text', () => {
    expect(prefixQuery('申请退款')).toBe("'申请':* & '退款':*");
    expect(prefixQuery("it's a & b | !c:*")).toBe("'it':* & 's':* & 'a':* & 'b':* & 'c':*");
    expect(prefixQuery('')).toBe('');
  });
});

describe('spacing Chinese words for snippets', () => {
  it('when Chinese words meet, then a space parts them, and joining takes exactly those spaces out again', () => {
    const text = '如何申请退款? Refund my order 发货时间';
    const spaced = spaceChineseWords(text);
    expect(spaced).toBe('如何 申请 退款? Refund my order 发货 时间');
    expect(joinSpacedWords(spaced)).toBe(text);
  });
});
