import { describe, expect, it } from 'vitest';
import type { ThresholdLevel } from './thresholdLevel';
import { judgeObservations, type FigureObservation } from './thresholdNotices';

const seen = (key: string, level: ThresholdLevel): FigureObservation => ({ key, level });

describe('judgeObservations', () => {
  it('records the first look without notifying, then notifies each rise once', () => {
    let state = judgeObservations(null, [seen('q1:waiting', 'warning')]);
    expect(state.rising).toEqual([]);

    state = judgeObservations(state.known, [seen('q1:waiting', 'critical'), seen('total:serviceLevel', 'normal')]);
    expect(state.rising.map((o) => o.key)).toEqual(['q1:waiting']);

    state = judgeObservations(state.known, [seen('q1:waiting', 'critical')]);
    expect(state.rising).toEqual([]);
  });

  it('notifies again when a figure calms down and rises again', () => {
    let state = judgeObservations(null, [seen('q1:longestWaitSeconds', 'normal')]);
    state = judgeObservations(state.known, [seen('q1:longestWaitSeconds', 'warning')]);
    expect(state.rising).toHaveLength(1);
    state = judgeObservations(state.known, [seen('q1:longestWaitSeconds', 'normal')]);
    state = judgeObservations(state.known, [seen('q1:longestWaitSeconds', 'warning')]);
    expect(state.rising).toHaveLength(1);
  });

  it('notifies for a figure first seen above normal after the first look (a new queue)', () => {
    const state = judgeObservations(new Map(), [seen('q2:waiting', 'critical')]);
    expect(state.rising.map((o) => o.level)).toEqual(['critical']);
  });
});
