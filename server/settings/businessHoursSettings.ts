import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';
import { calendarDay } from '../http/validate';
import { changedFields } from './auditChanges';
import { isOpenAt, overlappingIntervals, type WeeklySchedule } from './weeklySchedule';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const interval = z
  .object({
    weekday: z.number().int().min(0).max(6),
    opens: z.string().regex(HH_MM, 'must be HH:MM, from 00:00 to 23:59'),
    // 00:00 and 24:00 both close at midnight; 24:00 is stored, so a day-long interval reads 00:00–24:00.
    closes: z
      .string()
      .refine((t) => HH_MM.test(t) || t === '24:00', 'must be HH:MM, from 00:00 to 24:00')
      .transform((t) => (t === '00:00' ? '24:00' : t)),
  })
  .refine((i) => i.closes !== i.opens, {
    message: 'must differ from opens (for a whole day, use 00:00–24:00)',
    path: ['closes'],
  });

export const businessHoursInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    timezone: z
      .string()
      .refine(
        (tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC',
        'must be an IANA time zone, like Europe/Paris',
      ),
    /** Closes earlier than opens = open past midnight, until that time on the next day. */
    intervals: z.array(interval).min(1, 'needs at least one open interval').max(100),
    holidays: z
      .array(z.object({ day: calendarDay(), name: z.string().trim().min(1, 'is required').max(200) }))
      .max(400)
      .default([]),
  })
  .superRefine((input, check) => {
    // Zod runs this even when an interval failed its own checks; overlaps of unreadable times would only add noise.
    const readable = input.intervals.every(
      (i) => HH_MM.test(i.opens) && (HH_MM.test(i.closes) || i.closes === '24:00') && i.opens !== i.closes,
    );
    for (const [later] of readable ? overlappingIntervals(input.intervals) : [])
      check.addIssue({ code: 'custom', path: ['intervals', later, 'opens'], message: 'overlaps another interval' });
    input.holidays.forEach((holiday, i) => {
      if (input.holidays.findIndex((other) => other.day === holiday.day) < i)
        check.addIssue({ code: 'custom', path: ['holidays', i, 'day'], message: 'is listed twice' });
    });
  });
export type BusinessHoursInput = z.infer<typeof businessHoursInput>;

export interface BusinessHoursView extends WeeklySchedule {
  id: string;
  name: string;
  /** Open at the moment the list was read. */
  openNow: boolean;
  /** Queues that follow this calendar. */
  queueIds: string[];
  /** The phone line as a whole follows it (its IVR business hours). */
  phoneLine: boolean;
}

type Tx = Sql | TransactionSql;

const nameTaken = (name: string) =>
  new HttpError(409, 'name_taken', `Business hours named ${name} already exist.`, [
    { path: 'name', message: 'is taken' },
  ]);

async function selectSchedules(tx: Tx, id: string | null) {
  return tx<(WeeklySchedule & { id: string; name: string; queueIds: string[]; phoneLine: boolean })[]>`
    select b.id, b.name, b.timezone,
           coalesce((select json_agg(json_build_object('weekday', i.weekday, 'opens', to_char(i.opens, 'HH24:MI'), 'closes', to_char(i.closes, 'HH24:MI')) order by i.weekday, i.opens)
                     from business_hours_intervals i where i.business_hours_id = b.id), '[]') as intervals,
           coalesce((select json_agg(json_build_object('day', h.day, 'name', h.name) order by h.day)
                     from business_hours_holidays h where h.business_hours_id = b.id), '[]') as holidays,
           coalesce((select array_agg(q.id order by q.name) from queues q where q.business_hours_id = b.id), '{}') as queue_ids,
           exists (select 1 from voice_settings v where v.ivr->>'businessHoursId' = b.id::text) as phone_line
    from business_hours b
    where ${id === null ? tx`true` : tx`b.id = ${id}`}
    order by b.name`;
}

export async function listBusinessHours(sql: Sql, now = new Date()): Promise<BusinessHoursView[]> {
  return (await selectSchedules(sql, null)).map((row) => ({ ...row, openNow: isOpenAt(row, now) }));
}

/** One calendar with its intervals and holidays, or null. */
export async function findSchedule(sql: Tx, id: string): Promise<WeeklySchedule | null> {
  const [row] = await selectSchedules(sql, id);
  return row ? { timezone: row.timezone, intervals: row.intervals, holidays: row.holidays } : null;
}

async function writeDays(tx: Tx, id: string, input: BusinessHoursInput) {
  await tx`delete from business_hours_intervals where business_hours_id = ${id}`;
  await tx`delete from business_hours_holidays where business_hours_id = ${id}`;
  for (const i of input.intervals)
    await tx`insert into business_hours_intervals (business_hours_id, weekday, opens, closes) values (${id}, ${i.weekday}, ${i.opens}, ${i.closes})`;
  for (const h of input.holidays)
    await tx`insert into business_hours_holidays (business_hours_id, day, name) values (${id}, ${h.day}, ${h.name})`;
}

export async function createBusinessHours(sql: Sql, input: BusinessHoursInput, actorUserId: string | null) {
  return sql.begin(async (tx) => {
    const [row] = await tx<
      { id: string }[]
    >`insert into business_hours (name, timezone) values (${input.name}, ${input.timezone}) on conflict (name) do nothing returning id`;
    if (!row) throw nameTaken(input.name);
    await writeDays(tx, row.id, input);
    await writeAudit(tx, {
      actorUserId,
      action: 'business_hours.created',
      entityType: 'business_hours',
      entityId: row.id,
      data: input,
    });
    return row.id;
  });
}

/** Replaces a calendar's name, zone, intervals and holidays; the audit entry keeps what changed. */
export async function updateBusinessHours(sql: Sql, id: string, input: BusinessHoursInput, actorUserId: string | null) {
  try {
    await sql.begin(async (tx) => {
      const [locked] = await tx`select 1 from business_hours where id = ${id} for update`;
      if (!locked) throw new HttpError(404, 'not_found', 'Business hours not found.');
      const [before] = await selectSchedules(tx, id);
      await tx`update business_hours set name = ${input.name}, timezone = ${input.timezone} where id = ${id}`;
      await writeDays(tx, id, input);
      const [after] = await selectSchedules(tx, id);
      const pick = (s: typeof before) => ({
        name: s.name,
        timezone: s.timezone,
        intervals: s.intervals,
        holidays: s.holidays,
      });
      const changes = changedFields(pick(before), pick(after));
      if (Object.keys(changes).length)
        await writeAudit(tx, {
          actorUserId,
          action: 'business_hours.updated',
          entityType: 'business_hours',
          entityId: id,
          data: { changes },
        });
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw nameTaken(input.name);
    throw e;
  }
}

/** Deletes a calendar nothing follows; one a queue or the phone line follows is refused, naming them. */
export async function deleteBusinessHours(sql: Sql, id: string, actorUserId: string) {
  await sql.begin(async (tx) => {
    // Locked first: a queue saved meanwhile that points at this calendar waits, and is then refused by its foreign key.
    await tx`select 1 from business_hours where id = ${id} for update`;
    const [row] = await selectSchedules(tx, id);
    if (!row) throw new HttpError(404, 'not_found', 'Business hours not found.');
    const queues = await tx<{ name: string }[]>`select name from queues where business_hours_id = ${id} order by name`;
    const users = [...queues.map((q) => `queue ${q.name}`), ...(row.phoneLine ? ['the phone line'] : [])];
    if (users.length)
      throw new HttpError(
        409,
        'in_use',
        `${row.name} cannot be deleted: ${users.join(', ')} follow it. Give them other hours first.`,
      );
    await tx`delete from business_hours where id = ${id}`;
    await writeAudit(tx, {
      actorUserId,
      action: 'business_hours.deleted',
      entityType: 'business_hours',
      entityId: id,
      data: { name: row.name },
    });
  });
}
