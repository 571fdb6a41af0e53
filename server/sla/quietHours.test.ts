import { describe, expect, it } from 'vitest';
import { sendableAt } from './quietHours';

const quiet = { start: '22:00', end: '07:00', timezone: 'Asia/Shanghai' };

describe('sendableAt', () => {
  it('when an alarm is raised at night in the quiet hours, then it waits until they end the next morning', () => {
    // 23:30 in Shanghai (UTC+8) is 15:30Z; quiet hours end at 07:00 local, 23:00Z.
    expect(sendableAt(quiet, new Date('2026-03-02T15:30:00Z')).toISOString()).toBe('2026-03-02T23:00:00.000Z');
    // 03:00 local, after midnight, ends at the same morning's 07:00.
    expect(sendableAt(quiet, new Date('2026-03-02T19:00:00Z')).toISOString()).toBe('2026-03-02T23:00:00.000Z');
  });

  it('when an alarm is raised in the day, or there are no quiet hours, then it goes now', () => {
    const noon = new Date('2026-03-02T04:00:00Z');
    expect(sendableAt(quiet, noon)).toEqual(noon);
    expect(sendableAt(null, noon)).toEqual(noon);
  });

  it('when the quiet hours are within one day, then they end that day', () => {
    const lunch = { start: '12:00', end: '13:00', timezone: 'UTC' };
    expect(sendableAt(lunch, new Date('2026-03-02T12:30:00Z')).toISOString()).toBe('2026-03-02T13:00:00.000Z');
  });
});
