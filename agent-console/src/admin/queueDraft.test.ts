import { describe, expect, it } from 'vitest';
import { newQueueDraft, queueDraft, queueInputOf } from './queueDraft';

describe('queueInputOf', () => {
  it('sends "none" as null, and no overflow time without an overflow queue', () => {
    expect(queueInputOf({ ...newQueueDraft(), name: 'Sales', overflowAfterSeconds: '60' })).toEqual({
      name: 'Sales',
      teamId: null,
      skills: [],
      businessHoursId: null,
      overflowQueueId: null,
      overflowAfterSeconds: null,
      entryForChannels: [],
      blendWithCalls: false,
      priority: 0,
    });
  });

  it('round-trips a stored queue unchanged', () => {
    const stored = {
      id: 'q1',
      name: 'Billing',
      teamId: 't1',
      businessHoursId: 'h1',
      overflowQueueId: 'q2',
      overflowAfterSeconds: 120,
      entryForChannels: ['sms' as const],
      blendWithCalls: true,
      priority: 5,
      skills: ['billing'],
    };
    const { id: _id, ...settings } = stored;
    expect(queueInputOf(queueDraft(stored))).toEqual(settings);
  });
});
