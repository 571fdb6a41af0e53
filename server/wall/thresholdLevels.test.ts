import { describe, expect, it } from 'vitest';
import type { FigureSet, ThresholdView } from '../http/wallApiTypes';
import { levelsOf } from './thresholdLevels';

const figures = { waiting: 4, longestWaitSeconds: 75, serviceLevel: 0.7, asaSeconds: null } as FigureSet;
const thresholds: ThresholdView[] = [
  { queueId: null, figure: 'longestWaitSeconds', warning: 30, critical: 60 },
  { queueId: null, figure: 'waiting', warning: 10, critical: 20 },
  { queueId: 'q1', figure: 'waiting', warning: 2, critical: 5 },
  { queueId: null, figure: 'serviceLevel', warning: 0.8, critical: 0.6 },
  { queueId: null, figure: 'asaSeconds', warning: 10, critical: null },
];

describe('threshold levels', () => {
  it('when a figure reaches its warning or critical threshold, then it has that level; service level is worse below', () => {
    const levels = levelsOf(figures, thresholds, 'q1');
    expect(levels.longestWaitSeconds).toBe('critical'); // 75 > 60
    expect(levels.waiting).toBe('warning'); // the queue's own 2 / 5 win over the default
    expect(levels.serviceLevel).toBe('warning'); // 0.7 < 0.8, not < 0.6
    expect(levels.asaSeconds).toBe('normal'); // no value yet
    expect(levels.ahtSeconds).toBe('normal'); // no threshold
  });

  it('when a figure is exactly at a limit, then it has reached that level, as the console colours it', () => {
    const at = { waiting: 2, longestWaitSeconds: 60, serviceLevel: 0.8, asaSeconds: 9 } as FigureSet;
    const levels = levelsOf(at, thresholds, 'q1');
    expect(levels.waiting).toBe('warning'); // 2 reaches the queue's warning 2
    expect(levels.longestWaitSeconds).toBe('critical'); // 60 reaches 60
    expect(levels.serviceLevel).toBe('warning'); // 0.8 is down to the warning 0.8
    expect(levels.asaSeconds).toBe('normal'); // 9 is short of 10
  });

  it('when a queue has no threshold of its own, then the default applies', () => {
    expect(levelsOf(figures, thresholds, 'q2').waiting).toBe('normal'); // 4 ≤ 10
  });
});
