import type { Sql } from '../db/client';
import { findSchedule } from '../settings/businessHoursSettings';
import { isOpenAt } from '../settings/weeklySchedule';

/**
 * Whether a business-hours calendar is open at `at`, in its own time zone: an interval of that weekday (or an
 * overnight one from the day before) covers the local time, and the local date is not a holiday (weeklySchedule.ts).
 * No calendar, or one deleted meanwhile, means always open.
 */
export async function isOpen(sql: Sql, businessHoursId: string | null, at: Date = new Date()): Promise<boolean> {
  if (!businessHoursId) return true;
  const schedule = await findSchedule(sql, businessHoursId);
  return schedule ? isOpenAt(schedule, at) : true;
}
