import { z } from 'zod';
import { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '../http/apiTypes';
import { TICKET_VIEWS } from '../http/ticketViewApiTypes';
import { calendarDay } from '../http/validate';

/** Where the next page starts: after the ticket with this activity time (microseconds, as stored) and number. */
export interface TicketCursor {
  activity: string;
  number: number;
}

const CURSOR_SHAPE = z.object({
  activity: z.iso.datetime({ offset: true, precision: 6 }),
  number: z.number().int().positive(),
});

export const encodeCursor = (c: TicketCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** The cursor a view answered with, or undefined when it is not one (the route answers 400 naming `cursor`). */
export function decodeCursor(text: string): TicketCursor | undefined {
  try {
    const parsed = CURSOR_SHAPE.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A list filter: `status=open,pending` or `status=open&status=pending`. A wrong value names the filter itself. */
const oneOrMore = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' || Array.isArray(v) ? [v].flat().flatMap((s) => String(s).split(',')) : v),
      z
        .array(z.string())
        .refine((vs) => vs.length > 0 && vs.every((v) => values.includes(v)), {
          message: `must be one or more of ${values.join(', ')}, separated by commas`,
        })
        .transform((vs) => vs as T[number][]),
    )
    .optional();

export const ticketViewQuery = z
  .object({
    view: z.enum(TICKET_VIEWS, { error: `must be one of ${TICKET_VIEWS.join(', ')}` }).default('mine'),
    /** Replaces the view's own statuses (open ones for mine, unassigned and team; resolved and closed for resolved). */
    status: oneOrMore(TICKET_STATUSES),
    channel: oneOrMore(CHANNELS),
    priority: oneOrMore(TICKET_PRIORITIES),
    queueId: z.uuid('must be a UUID').optional(),
    assigneeId: z.uuid('must be a UUID').optional(),
    /** A tag's id or name. */
    tag: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters').optional(),
    /** Created on or after this day, and on or before `createdTo` (UTC days). */
    createdFrom: calendarDay().optional(),
    createdTo: calendarDay().optional(),
    /** A ticket number (`1234` or `#1234`), a customer's name, email or phone, or words of subjects and messages. */
    q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    limit: z.coerce
      .number('must be a number')
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .default(25),
    cursor: z
      .string()
      .max(500)
      .transform((text, ctx) => {
        const cursor = decodeCursor(text);
        if (!cursor) ctx.addIssue({ code: 'custom', message: 'is not a cursor this list gave out' });
        return cursor ?? z.NEVER;
      })
      .optional(),
  })
  .refine((q) => !q.createdFrom || !q.createdTo || q.createdTo >= q.createdFrom, {
    message: 'must not be before createdFrom',
    path: ['createdTo'],
  });

export type TicketViewQuery = z.output<typeof ticketViewQuery>;
