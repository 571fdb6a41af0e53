import { describe, expect, it } from 'vitest';
import { NO_EPISODES, addSums, addWaiting, figureSet } from './figureSet';

const now = new Date('2026-12-07T10:00:00Z');

describe('figure set', () => {
  it('when contacts were offered, answered and abandoned, then the ratios follow the definitions', () => {
    const f = figureSet(
      {
        ...NO_EPISODES,
        offered: 10,
        answered: 6,
        answeredWithinThreshold: 4,
        abandoned: 2,
        shortAbandoned: 1,
        callbacks: 1,
        handled: 5,
        answerWaitSeconds: 90,
        handleSeconds: 1000,
      },
      { waiting: 2, oldestWaitingSince: new Date('2026-12-07T09:58:30Z') },
      0.5,
      now,
    );
    expect(f).toMatchObject({
      waiting: 2,
      longestWaitSeconds: 90,
      serviceLevel: 0.4444, // 4 ÷ (10 − 1)
      asaSeconds: 15, // 90 ÷ 6
      ahtSeconds: 200, // 1000 ÷ 5
      abandonRate: 0.25, // 2 ÷ (10 − 1 − 1)
      occupancy: 0.5,
    });
  });

  it('when nothing happened, then every ratio is null rather than 0 or NaN', () => {
    const f = figureSet(NO_EPISODES, { waiting: 0, oldestWaitingSince: null }, null, now);
    expect(f).toMatchObject({
      longestWaitSeconds: null,
      serviceLevel: null,
      asaSeconds: null,
      ahtSeconds: null,
      abandonRate: null,
    });
  });

  it('when queues are summed, then counts add and the oldest wait is the older one', () => {
    const sum = addSums({ ...NO_EPISODES, offered: 2, answerWaitSeconds: 5 }, { ...NO_EPISODES, offered: 3 });
    expect(sum).toMatchObject({ offered: 5, answerWaitSeconds: 5 });
    const older = new Date('2026-12-07T09:00:00Z');
    expect(addWaiting({ waiting: 1, oldestWaitingSince: older }, { waiting: 2, oldestWaitingSince: now })).toEqual({
      waiting: 3,
      oldestWaitingSince: older,
    });
  });
});
