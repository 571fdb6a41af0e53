import { describe, expect, it } from 'vitest';
import type { FigureSet, QueueFigures, WallFiguresResponse, WindowFigures } from '../../../server/http/wallApiTypes';
import { figureLevel, limitsFor } from './queueThresholds';
import { channelFigures, liveFigures, longestWaitNow, rememberPush, sumFigureSets } from './wallFigures';

const set = (figures: Partial<FigureSet> = {}): FigureSet => ({
  waiting: 0,
  longestWaitSeconds: null,
  oldestWaitingSince: null,
  offered: 0,
  answered: 0,
  answeredWithinThreshold: 0,
  abandoned: 0,
  shortAbandoned: 0,
  callbacks: 0,
  transfers: 0,
  handled: 0,
  serviceLevel: null,
  asaSeconds: null,
  ahtSeconds: null,
  abandonRate: null,
  occupancy: null,
  answerWaitSeconds: 0,
  handleSeconds: 0,
  ...figures,
});
const windows = (today: FigureSet, last30Minutes = set()): WindowFigures => ({
  today,
  last30Minutes,
  levels: {} as WindowFigures['levels'],
});
const queue = (queueId: string, today: FigureSet, voice = today): QueueFigures => ({
  queueId,
  queueName: queueId,
  teamId: null,
  serviceLevelSeconds: 20,
  todaySince: '2026-01-01T00:00:00.000Z',
  total: windows(today),
  byChannel: { voice: windows(voice), sms: windows(set()), email: windows(set()) },
});

describe('sumFigureSets', () => {
  it('adds counts and computes the ratios from the sums, short abandons and callbacks excluded as defined', () => {
    const total = sumFigureSets([
      set({ offered: 10, answered: 7, answeredWithinThreshold: 5, abandoned: 1, shortAbandoned: 1, callbacks: 1 }),
      set({ offered: 6, answered: 4, answeredWithinThreshold: 4, abandoned: 1, shortAbandoned: 1 }),
    ]);
    expect(total).toMatchObject({ offered: 16, answered: 11, abandoned: 2, shortAbandoned: 2, callbacks: 1 });
    // Answered within threshold ÷ (offered − short abandons) = 9 ÷ 14.
    expect(total.serviceLevel).toBeCloseTo(9 / 14);
    // Abandoned ÷ (offered − short abandons − callbacks) = 2 ÷ 13.
    expect(total.abandonRate).toBeCloseTo(2 / 13);
  });

  it('averages ASA over answered and AHT over handled contacts, takes the longest wait and sums waiting', () => {
    const total = sumFigureSets([
      set({ answered: 2, answerWaitSeconds: 30, handled: 1, handleSeconds: 300, waiting: 2, longestWaitSeconds: 40 }),
      set({
        answered: 1,
        answerWaitSeconds: 30,
        handled: 3,
        handleSeconds: 100,
        waiting: 1,
        longestWaitSeconds: 90,
        oldestWaitingSince: '2026-01-01T09:58:30.000Z',
      }),
      set(),
    ]);
    expect(total.asaSeconds).toBe(20);
    expect(total.ahtSeconds).toBe(100);
    expect(total.waiting).toBe(3);
    expect(total.longestWaitSeconds).toBe(90);
    expect(total.oldestWaitingSince).toBe('2026-01-01T09:58:30.000Z');
  });

  it('has no ratio without a denominator, and no longest wait when nobody waits', () => {
    const total = sumFigureSets([set(), set()]);
    expect(total).toMatchObject({ serviceLevel: null, asaSeconds: null, ahtSeconds: null, abandonRate: null });
    expect(total.longestWaitSeconds).toBeNull();
  });
});

describe('liveFigures', () => {
  const snapshot: WallFiguresResponse = {
    at: '2026-01-01T10:00:00.000Z',
    queues: [queue('sales', set({ offered: 1, waiting: 1 })), queue('support', set({ offered: 2 }))],
    total: windows(set({ offered: 3, occupancy: 0.5 })),
    channelOccupancy: {
      voice: { today: 0.5, last30Minutes: null },
      sms: { today: null, last30Minutes: null },
      email: { today: null, last30Minutes: null },
    },
  };

  it('applies only pushes newer than the snapshot, and sums the total with the server’s occupancy', () => {
    let pushes = rememberPush(new Map(), {
      at: '2026-01-01T10:00:05.000Z',
      queues: [queue('sales', set({ offered: 4, waiting: 0 }))],
      occupancyIncluded: false,
    });
    pushes = rememberPush(pushes, {
      at: '2026-01-01T09:59:00.000Z',
      queues: [queue('support', set({ offered: 9 }))],
      occupancyIncluded: false,
    });
    const live = liveFigures(snapshot, pushes);
    expect(live.queues.map((q) => q.figures.total.today.offered)).toEqual([4, 2]);
    expect(live.total.today.offered).toBe(6);
    expect(live.total.today.occupancy).toBe(0.5);
    expect(live.total.at).toBe('2026-01-01T10:00:05.000Z');
  });

  it('keeps each queue’s occupancy of the last read when a push (which leaves it out) is applied', () => {
    const read: WallFiguresResponse = {
      ...snapshot,
      queues: [queue('sales', set({ offered: 1, occupancy: 0.3 }), set({ occupancy: 0.2 }))],
    };
    const pushes = rememberPush(new Map(), {
      at: '2026-01-01T10:00:05.000Z',
      queues: [queue('sales', set({ offered: 4 }))],
      occupancyIncluded: false,
    });
    const [sales] = liveFigures(read, pushes).queues;
    expect(sales.figures.total.today).toMatchObject({ offered: 4, occupancy: 0.3 });
    expect(sales.figures.byChannel.voice.today.occupancy).toBe(0.2);
  });

  it('keeps the newest push per queue whatever the arrival order', () => {
    const newer = rememberPush(new Map(), {
      at: '2026-01-01T10:00:09.000Z',
      queues: [queue('sales', set())],
      occupancyIncluded: false,
    });
    expect(
      rememberPush(newer, {
        at: '2026-01-01T10:00:08.000Z',
        queues: [queue('sales', set())],
        occupancyIncluded: false,
      }),
    ).toBe(newer);
  });

  it('sums one channel over the queues', () => {
    expect(channelFigures(liveFigures(snapshot, new Map()).queues, 'voice', 'today').offered).toBe(3);
    expect(channelFigures(liveFigures(snapshot, new Map()).queues, 'sms', 'today').offered).toBe(0);
  });
});

describe('longestWaitNow', () => {
  const at = '2026-01-01T10:00:00.000Z';

  it('counts up from when the longest-waiting contact arrived', () => {
    const waiting = set({ longestWaitSeconds: 50, oldestWaitingSince: '2026-01-01T09:59:10.000Z' });
    expect(longestWaitNow(waiting, at, Date.parse(at) + 15_900)).toBe(65);
  });

  it('without the arrival, keeps counting from when the figure was true; nobody waiting is no wait', () => {
    expect(longestWaitNow(set({ longestWaitSeconds: 50 }), at, Date.parse(at) + 15_000)).toBe(65);
    expect(longestWaitNow(set(), at, Date.parse(at) + 15_000)).toBeNull();
  });
});

describe('thresholds by queue', () => {
  const thresholds = [
    { queueId: null, figure: 'longestWaitSeconds' as const, warning: 60, critical: 120 },
    { queueId: 'vip', figure: 'longestWaitSeconds' as const, warning: 10, critical: 30 },
    { queueId: null, figure: 'serviceLevel' as const, warning: 0.8, critical: 0.6 },
  ];

  it('uses a queue’s own thresholds, else the default for every queue', () => {
    expect(limitsFor(thresholds, 'vip', 'longestWaitSeconds')).toMatchObject({ warning: 10 });
    expect(limitsFor(thresholds, 'other', 'longestWaitSeconds')).toMatchObject({ warning: 60 });
    expect(limitsFor(thresholds, null, 'asaSeconds')).toBeUndefined();
  });

  it('judges service level downwards and waits upwards', () => {
    expect(figureLevel(set({ longestWaitSeconds: 45 }), 'longestWaitSeconds', thresholds, 'vip')).toBe('critical');
    expect(figureLevel(set({ longestWaitSeconds: 45 }), 'longestWaitSeconds', thresholds, 'other')).toBe('normal');
    expect(figureLevel(set({ serviceLevel: 0.7 }), 'serviceLevel', thresholds, 'other')).toBe('warning');
  });
});
