import type { Sql } from '../db/client';

/**
 * Whether a business-hours schedule is open at `at`: an interval of that weekday contains the local time in the
 * schedule's own time zone, and the local date is not a holiday. No schedule means always open.
 */
export async function isOpen(sql: Sql, businessHoursId: string | null, at: Date = new Date()): Promise<boolean> {
  if (!businessHoursId) return true;
  const [row] = await sql<{ open: boolean }[]>`
    with here as (select (${at}::timestamptz at time zone h.timezone) as local from business_hours h where h.id = ${businessHoursId})
    select exists (
        select 1 from here, business_hours_intervals i
        where i.business_hours_id = ${businessHoursId}
          and i.weekday = extract(dow from here.local)
          and here.local::time >= i.opens and here.local::time < i.closes)
      and not exists (
        select 1 from here, business_hours_holidays d
        where d.business_hours_id = ${businessHoursId} and d.day = here.local::date) as open`;
  return row?.open ?? true;
}
