import { describe, expect, it } from 'vitest';
import { weekSummary } from './weekSummary';

const NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const dayName = (weekday: number) => NAMES[weekday];

describe('weekSummary', () => {
  it('groups consecutive days with the same hours, Monday first, and leaves closed days out', () => {
    const intervals = [1, 2, 3, 4, 5]
      .flatMap((weekday) => [
        { weekday, opens: '13:30', closes: '17:00' },
        { weekday, opens: '09:00', closes: '12:30' },
      ])
      .concat([{ weekday: 6, opens: '10:00', closes: '14:00' }]);
    expect(weekSummary(intervals, dayName)).toEqual({
      aroundTheClock: false,
      text: 'Mon–Fri 09:00–12:30, 13:30–17:00 · Sat 10:00–14:00',
    });
  });

  it('does not join days that are apart, and marks an interval that ends the next day', () => {
    const intervals = [
      { weekday: 1, opens: '09:00', closes: '17:00' },
      { weekday: 3, opens: '09:00', closes: '17:00' },
      { weekday: 5, opens: '22:00', closes: '06:00' },
      { weekday: 0, opens: '10:00', closes: '00:00' },
    ];
    expect(weekSummary(intervals, dayName).text).toBe(
      'Mon 09:00–17:00 · Wed 09:00–17:00 · Fri 22:00–06:00 (+1) · Sun 10:00–00:00',
    );
  });

  it('says around the clock when every day is open all day', () => {
    const everyDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));
    expect(weekSummary(everyDay, dayName)).toEqual({ aroundTheClock: true, text: 'Mon–Sun 00:00–24:00' });
    expect(weekSummary(everyDay.slice(1), dayName).aroundTheClock).toBe(false);
  });
});
