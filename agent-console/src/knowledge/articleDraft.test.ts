import { describe, expect, it } from 'vitest';
import type { KnowledgeArticleView } from '../../../server/http/knowledgeApiTypes';
import { attachmentMarkdown, changesOf, draftOf, hasChanges, insertAt, newArticleOf } from './articleDraft';

const article = {
  id: 'a1',
  state: 'draft',
  publishAt: null,
  isLive: false,
  categoryId: 'c1',
  tags: ['refund'],
  titles: { 'zh-CN': '如何申请退款' },
  locales: ['zh-CN'],
  updatedAt: '2026-01-01T00:00:00Z',
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: null,
  attachments: [],
  variants: [
    {
      locale: 'zh-CN',
      title: '如何申请退款',
      body: '打开订单，点击退款。',
      slug: 'x',
      publicUrl: '/help/zh-CN/articles/a1-x',
      updatedAt: '2026-01-01T00:00:00Z',
      updatedBy: null,
      revisionCount: 1,
    },
  ],
} satisfies KnowledgeArticleView;

describe('article drafts', () => {
  it('when a new article has text in one language, then only that language is sent; with none, nothing is', () => {
    const draft = draftOf(null);
    expect(newArticleOf(draft)).toBeNull();
    draft.variants.en = { title: ' Refunds ', body: 'Open **Orders**.' };
    draft.tags = 'refund，退款';
    expect(newArticleOf(draft)).toEqual({
      categoryId: null,
      tags: ['refund', '退款'],
      variants: [{ locale: 'en', title: 'Refunds', body: 'Open **Orders**.' }],
    });
  });

  it('when one language changed, then only it is sent (each saved language makes a revision)', () => {
    const draft = draftOf(article);
    expect(hasChanges(changesOf(draft, article))).toBe(false);
    draft.variants.en = { title: 'How to get a refund', body: 'Open your order.' };
    expect(changesOf(draft, article)).toEqual({
      variants: [{ locale: 'en', title: 'How to get a refund', body: 'Open your order.' }],
    });
    draft.variants['zh-CN'].body = '打开订单，点击“退款”。';
    draft.categoryId = '';
    draft.tags = 'refund, billing';
    expect(changesOf(draft, article)).toEqual({
      categoryId: null,
      tags: ['refund', 'billing'],
      variants: [
        { locale: 'en', title: 'How to get a refund', body: 'Open your order.' },
        { locale: 'zh-CN', title: '如何申请退款', body: '打开订单，点击“退款”。' },
      ],
    });
  });

  it('when a file is inserted, then it goes on a line of its own at the caret, an image inline', () => {
    expect(insertAt('Step one', 8, '![a](/f/1)')).toEqual({ text: 'Step one\n![a](/f/1)\n', caret: 20 });
    expect(insertAt('', null, '[x](/f/2)')).toEqual({ text: '[x](/f/2)\n', caret: 10 });
    expect(attachmentMarkdown({ filename: 'receipt [1].png', url: '/f/1', isImage: true })).toBe(
      '![receipt 1.png](/f/1)',
    );
    expect(attachmentMarkdown({ filename: 'terms.pdf', url: '/f/2', isImage: false })).toBe('[terms.pdf](/f/2)');
  });
});
