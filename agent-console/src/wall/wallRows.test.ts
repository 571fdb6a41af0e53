import { describe, expect, it } from 'vitest';
import type { FigureSet, QueueFigures, WindowFigures } from '../../../server/http/wallApiTypes';
import { liveFigures } from './wallFigures';
import { observe, wallRows } from './wallRows';

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
const windows = (today: FigureSet): WindowFigures => ({
  today,
  last30Minutes: set(),
  levels: {} as WindowFigures['levels'],
});
const queue = (queueId: string, voice: FigureSet, email: FigureSet): QueueFigures => ({
  queueId,
  queueName: `Queue ${queueId}`,
  teamId: null,
  serviceLevelSeconds: 20,
  todaySince: '2026-01-01T00:00:00.000Z',
  total: windows(
    set({
      offered: voice.offered + email.offered,
      waiting: voice.waiting + email.waiting,
      longestWaitSeconds: voice.longestWaitSeconds,
    }),
  ),
  byChannel: { voice: windows(voice), sms: windows(set()), email: windows(email) },
});

const AT = '2026-01-01T10:00:00.000Z';
const live = liveFigures(
  {
    at: AT,
    queues: [
      queue('a', set({ offered: 3, waiting: 1, longestWaitSeconds: 50 }), set({ offered: 1 })),
      queue('b', set({ offered: 2 }), set({ offered: 4 })),
    ],
    total: windows(set({ occupancy: 0.75 })),
    channelOccupancy: {
      voice: { today: 0.4, last30Minutes: null },
      sms: { today: null, last30Minutes: null },
      email: { today: 0.2, last30Minutes: null },
    },
  },
  new Map(),
);

describe('wallRows', () => {
  it('lists queues with their longest wait ticking, and the total over them', () => {
    const { rows, total } = wallRows(live, 'queue', 'today', Date.parse(AT) + 20_000);
    expect(rows.map((row) => [row.name, row.figures.offered])).toEqual([
      ['Queue a', 4],
      ['Queue b', 6],
    ]);
    expect(rows[0].figures.longestWaitSeconds).toBe(70);
    expect(total.figures).toMatchObject({ offered: 10, waiting: 1, longestWaitSeconds: 70, occupancy: 0.75 });
  });

  it('lists each channel summed over the queues', () => {
    const { rows } = wallRows(live, 'channel', 'today', Date.parse(AT));
    expect(rows.map((row) => [row.channel, row.figures.offered])).toEqual([
      ['voice', 5],
      ['sms', 0],
      ['email', 5],
    ]);
    // Occupancy is no sum of the queues': each channel shows the server's own.
    expect(rows.map((row) => row.figures.occupancy)).toEqual([0.4, null, 0.2]);
  });
});

describe('observe', () => {
  it('judges each queue’s thresholded figures, the longest wait as it ticks', () => {
    const thresholds = [{ queueId: null, figure: 'longestWaitSeconds' as const, warning: 60, critical: 120 }];
    const before = wallRows(live, 'queue', 'today', Date.parse(AT));
    const after = wallRows(live, 'queue', 'today', Date.parse(AT) + 15_000);
    const level = (rows: typeof before) =>
      observe(rows.rows, thresholds).find((o) => o.key === 'a:longestWaitSeconds')?.level;
    expect(level(before)).toBe('normal');
    expect(level(after)).toBe('warning');
  });
});
