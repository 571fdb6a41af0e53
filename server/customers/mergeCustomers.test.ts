import { describe, expect, it } from 'vitest';
import { mergedProfile } from './mergeCustomers';

describe('mergedProfile', () => {
  it('when the survivor lacks a name or company, then the source’s fill them; tags unite; notes append', () => {
    const survivor = { name: null, company: 'Acme', notes: 'Calls on Mondays.', tags: ['vip', 'beta'] };
    const source = { name: 'Grace Hopper', company: 'Navy', notes: 'Prefers email.', tags: ['beta', 'churn-risk'] };
    expect(mergedProfile(survivor, source)).toEqual({
      name: 'Grace Hopper',
      company: 'Acme',
      notes: 'Calls on Mondays.\n\nPrefers email.',
      tags: ['vip', 'beta', 'churn-risk'],
    });
  });

  it('when one side has no notes, then no blank lines are added', () => {
    expect(
      mergedProfile(
        { name: 'A', company: null, notes: '', tags: [] },
        { name: 'B', company: null, notes: 'Only here.', tags: [] },
      ).notes,
    ).toBe('Only here.');
    expect(
      mergedProfile(
        { name: 'A', company: null, notes: 'Only here.', tags: [] },
        { name: 'B', company: null, notes: '  ', tags: [] },
      ).notes,
    ).toBe('Only here.');
  });
});
