import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRoomBatches } from './roomBatches';

describe('room batches', () => {
  afterEach(() => void vi.useRealTimers());

  it('when items for several rooms arrive within the window, then each room gets one batch of its items, in order', () => {
    vi.useFakeTimers();
    const sent: [string, number[]][] = [];
    const batches = createRoomBatches<number>(100, (room, items) => sent.push([room, items]));
    batches.add(['queue:a', 'supervisors'], 1);
    batches.add(['queue:b', 'supervisors'], 2);
    batches.add(['queue:a'], 3);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([
      ['queue:a', [1, 3]],
      ['supervisors', [1, 2]],
      ['queue:b', [2]],
    ]);
  });

  it('when the window has passed, then the next item starts a new batch', () => {
    vi.useFakeTimers();
    const sent: [string, number[]][] = [];
    const batches = createRoomBatches<number>(100, (room, items) => sent.push([room, items]));
    batches.add(['r'], 1);
    vi.advanceTimersByTime(100);
    batches.add(['r'], 2);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([
      ['r', [1]],
      ['r', [2]],
    ]);
  });

  it('when flushed before the window ends, then what was gathered is sent at once and only once', () => {
    vi.useFakeTimers();
    const sent: [string, number[]][] = [];
    const batches = createRoomBatches<number>(100, (room, items) => sent.push([room, items]));
    batches.add(['r'], 1);
    batches.flush();
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([['r', [1]]]);
  });
});
