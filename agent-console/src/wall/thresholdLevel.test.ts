import { describe, expect, it } from 'vitest';
import { escalations, thresholdLevel } from './thresholdLevel';

describe('thresholdLevel', () => {
  const wait = { warning: 60, critical: 120 };

  it('turns a figure where higher is worse amber, then red, on reaching each threshold', () => {
    expect(thresholdLevel(59, wait, true)).toBe('normal');
    expect(thresholdLevel(60, wait, true)).toBe('warning');
    expect(thresholdLevel(119, wait, true)).toBe('warning');
    expect(thresholdLevel(120, wait, true)).toBe('critical');
  });

  it('turns a figure where lower is worse (service level) amber, then red, going down', () => {
    const serviceLevel = { warning: 0.8, critical: 0.6 };
    expect(thresholdLevel(0.9, serviceLevel, false)).toBe('normal');
    expect(thresholdLevel(0.8, serviceLevel, false)).toBe('warning');
    expect(thresholdLevel(0.5, serviceLevel, false)).toBe('critical');
  });

  it('is normal without a value, without limits, or with only one limit not reached', () => {
    expect(thresholdLevel(null, wait, true)).toBe('normal');
    expect(thresholdLevel(500, undefined, true)).toBe('normal');
    expect(thresholdLevel(500, { warning: null, critical: 600 }, true)).toBe('normal');
    expect(thresholdLevel(700, { warning: null, critical: 600 }, true)).toBe('critical');
  });
});

describe('escalations', () => {
  it('lists only figures whose level went up, not those that stayed or calmed down', () => {
    const before = new Map([
      ['a', 'normal'],
      ['b', 'warning'],
      ['c', 'critical'],
      ['d', 'warning'],
    ] as const);
    const after = new Map([
      ['a', 'warning'],
      ['b', 'critical'],
      ['c', 'warning'],
      ['d', 'warning'],
      ['e', 'critical'],
    ] as const);
    expect(escalations(before, after)).toEqual([
      { key: 'a', level: 'warning' },
      { key: 'b', level: 'critical' },
      { key: 'e', level: 'critical' },
    ]);
  });
});
