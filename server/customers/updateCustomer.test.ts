import { describe, expect, it } from 'vitest';
import { changedFields, customerUpdate } from './updateCustomer';

describe('customerUpdate', () => {
  it('when texts have spaces, then they are trimmed, and an empty name or company means none', () => {
    expect(customerUpdate.parse({ name: '  Ada Lovelace ', company: '   ', notes: ' prefers email \n' })).toEqual({
      name: 'Ada Lovelace',
      company: null,
      notes: 'prefers email',
    });
    expect(customerUpdate.parse({ notes: null })).toEqual({ notes: '' });
  });

  it('when tags repeat or have capitals, then they are lowercased and kept once, in order', () => {
    expect(customerUpdate.parse({ tags: ['VIP', 'churn-risk', 'vip', ' beta tester '] }).tags).toEqual([
      'vip',
      'churn-risk',
      'beta tester',
    ]);
  });

  it('when a tag, the number of tags or a text is out of bounds, then the error names the field', () => {
    const paths = (input: unknown) => customerUpdate.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ tags: ['ok', '-starts-with-dash'] })).toEqual(['tags.1']);
    expect(paths({ tags: ['a'.repeat(41)] })).toEqual(['tags.0']);
    expect(paths({ tags: ['semi;colon'] })).toEqual(['tags.0']);
    expect(paths({ tags: Array.from({ length: 31 }, (_, i) => `t${i}`) })).toEqual(['tags']);
    expect(paths({ name: 'x'.repeat(201) })).toEqual(['name']);
    expect(paths({ company: 'x'.repeat(201) })).toEqual(['company']);
    expect(paths({ notes: 'x'.repeat(10_001) })).toEqual(['notes']);
    expect(paths({ name: 200 })).toEqual(['name']);
  });
});

describe('changedFields', () => {
  const current = { name: 'Ada', company: null, notes: '', tags: ['vip'] };

  it('when only some fields are given, then only those that differ are reported with before and after', () => {
    expect(changedFields(current, { name: 'Ada', company: 'Analytical Engines', tags: ['vip', 'beta'] })).toEqual({
      company: { from: null, to: 'Analytical Engines' },
      tags: { from: ['vip'], to: ['vip', 'beta'] },
    });
  });

  it('when nothing given differs, then nothing is reported', () => {
    expect(changedFields(current, {})).toEqual({});
    expect(changedFields(current, { name: 'Ada', tags: ['vip'] })).toEqual({});
  });
});
