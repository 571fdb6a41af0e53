// Holidays added to a business-hours calendar from an iCal file or a country's list; days it has are kept as they are.
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import type { HolidayImportResponse } from '../http/slaApiTypes';
import { HttpError } from '../http/httpError';
import { findSchedule } from '../settings/businessHoursSettings';
import type { Holiday } from '../settings/weeklySchedule';
import { recomputeOpenSla } from './recomputeSla';

const MAX_HOLIDAYS = 400;

export async function addCalendarHolidays(
  ctx: AppContext,
  businessHoursId: string,
  holidays: Holiday[],
  source: string,
  actorUserId: string,
): Promise<HolidayImportResponse> {
  const added = await ctx.sql.begin(async (tx) => {
    const [calendar] = await tx`select 1 from business_hours where id = ${businessHoursId} for update`;
    if (!calendar) throw new HttpError(404, 'not_found', 'Business hours not found.');
    let count = 0;
    for (const h of holidays) {
      const rows = await tx`
        insert into business_hours_holidays (business_hours_id, day, name) values (${businessHoursId}, ${h.day}, ${h.name})
        on conflict (business_hours_id, day) do nothing returning day`;
      count += rows.length;
    }
    const [{ total }] = await tx<{ total: number }[]>`
      select count(*)::int as total from business_hours_holidays where business_hours_id = ${businessHoursId}`;
    if (total > MAX_HOLIDAYS)
      throw new HttpError(
        400,
        'invalid_input',
        `A calendar holds at most ${MAX_HOLIDAYS} holidays; this would make ${total}.`,
        [{ path: 'holidays', message: `at most ${MAX_HOLIDAYS} holidays` }],
      );
    if (count)
      await writeAudit(tx, {
        actorUserId,
        action: 'business_hours.holidays_imported',
        entityType: 'business_hours',
        entityId: businessHoursId,
        data: { source, added: count },
      });
    return count;
  });
  if (added) await recomputeOpenSla(ctx, { businessHoursId });
  const schedule = await findSchedule(ctx.sql, businessHoursId);
  return { added, holidays: schedule?.holidays ?? [] };
}
