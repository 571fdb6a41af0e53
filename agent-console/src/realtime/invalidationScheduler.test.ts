import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInvalidationScheduler } from './invalidationScheduler';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A cache holding `key`, and how often it has been invalidated. */
function cacheCounting(key: string[]) {
  const client = new QueryClient();
  client.setQueryData(key, 'data');
  let invalidations = 0;
  client.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'invalidate') invalidations++;
  });
  return { client, invalidations: () => invalidations };
}

describe('createInvalidationScheduler', () => {
  it('invalidates a key once per delay however many events ask for it, and again for events after that', async () => {
    const { client, invalidations } = cacheCounting(['inbox']);
    const scheduler = createInvalidationScheduler(client);

    for (let i = 0; i < 50; i++) scheduler.schedule({ queryKey: ['inbox'], delayMs: 200 });
    await vi.advanceTimersByTimeAsync(199);
    expect(invalidations()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(invalidations()).toBe(1);

    client.setQueryData(['inbox'], 'read again');
    scheduler.schedule({ queryKey: ['inbox'], delayMs: 200 });
    await vi.advanceTimersByTimeAsync(200);
    expect(invalidations()).toBe(2);
  });

  it('keeps different keys apart', async () => {
    const { client } = cacheCounting(['monitor']);
    client.setQueryData(['inbox'], 'data');
    const scheduler = createInvalidationScheduler(client);
    scheduler.schedule({ queryKey: ['inbox'], delayMs: 100 });
    scheduler.schedule({ queryKey: ['monitor'], delayMs: 300 });
    await vi.advanceTimersByTimeAsync(100);
    expect(client.getQueryState(['inbox'])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['monitor'])?.isInvalidated).toBe(false);
  });

  it('drops what is waiting when disposed', async () => {
    const { client, invalidations } = cacheCounting(['monitor']);
    const scheduler = createInvalidationScheduler(client);
    scheduler.schedule({ queryKey: ['monitor'], delayMs: 100 });
    scheduler.dispose();
    await vi.advanceTimersByTimeAsync(500);
    expect(invalidations()).toBe(0);
  });
});
