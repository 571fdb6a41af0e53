import { describe, expect, it } from 'vitest';
import { articleTitle, categoryName, parseTags } from './knowledgeNames';

const category = (names: object) => ({ id: 'c', slug: 'refunds', position: 0, names, articleCount: 0 });

describe('knowledge names', () => {
  it('when a category or article has the console’s language, then that name shows, else the other language', () => {
    const both = category({ en: { name: 'Refunds', description: '' }, 'zh-CN': { name: '退款', description: '' } });
    expect(categoryName(both, 'zh-CN')).toBe('退款');
    expect(categoryName(both, 'en')).toBe('Refunds');
    expect(categoryName(category({ 'zh-CN': { name: '退款', description: '' } }), 'en')).toBe('退款');
    expect(categoryName(category({}), 'en')).toBe('refunds');
    expect(articleTitle({ titles: { 'zh-CN': '如何申请退款' } }, 'en')).toBe('如何申请退款');
    expect(articleTitle({ titles: { en: 'Refunds', 'zh-CN': '退款' } }, 'en')).toBe('Refunds');
    expect(articleTitle({ titles: {} }, 'en')).toBe('');
  });

  it('when tags are typed with English or Chinese commas, then each is kept once, trimmed', () => {
    expect(parseTags('refund, 退款，退款、 billing ,')).toEqual(['refund', '退款', 'billing']);
  });
});
