import { describe, expect, it } from 'vitest';
import { emptyDraft, fieldsOf, newTemplateOf, scopesFor } from './templateDraft';

describe('template drafts', () => {
  it('when keywords are separated by English or Chinese commas, then each is sent trimmed', () => {
    const draft = { ...emptyDraft(), name: 'Refund', keywords: 'refund, money back，退款、 退钱 ,', bodyEn: 'Hi' };
    expect(fieldsOf(draft).keywords).toEqual(['refund', 'money back', '退款', '退钱']);
  });

  it('when only one language has text, then only its variant is sent; a blank shortcut is none', () => {
    const draft = { ...emptyDraft(), name: 'x', shortcut: ' ', bodyZh: '您好' };
    expect(fieldsOf(draft)).toMatchObject({ shortcut: null, variants: [{ locale: 'zh-CN', body: '您好' }] });
  });

  it('when the scope is not team, then no team is sent even if one was chosen before', () => {
    expect(newTemplateOf({ ...emptyDraft(), scope: 'personal', teamId: 'abc' }).teamId).toBeNull();
    expect(newTemplateOf({ ...emptyDraft(), scope: 'team', teamId: 'abc' }).teamId).toBe('abc');
  });

  it('offers team templates to supervisors and global ones to admins only', () => {
    expect(scopesFor('agent')).toEqual(['personal']);
    expect(scopesFor('supervisor')).toEqual(['personal', 'team']);
    expect(scopesFor('admin')).toEqual(['personal', 'team', 'global']);
  });
});
