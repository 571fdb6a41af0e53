import { z } from 'zod';
import { LOCALES } from '../apiTypes';
import { calendarDay } from '../validate';

const DAY_MS = 86_400_000;

const variant = z.object({
  locale: z.enum(LOCALES),
  title: z.string().trim().min(1, 'is required').max(200, 'is too long (200 characters at most)'),
  body: z.string().max(100_000, 'is too long (100,000 characters at most)'),
});

// One variant per locale: two with the same locale would leave which one counts to chance.
const variants = z
  .array(variant)
  .max(LOCALES.length)
  .refine((vs) => new Set(vs.map((v) => v.locale)).size === vs.length, 'must name each locale at most once');

const tags = z
  .array(z.string().trim().min(1, 'must not be empty').max(50, 'is too long (50 characters at most)'))
  .max(20);

export const articleInput = z.object({
  categoryId: z.uuid('must be a UUID').nullable(),
  tags: tags.optional(),
  variants: variants.min(1, 'needs at least one locale'),
});

export const articleUpdate = z.object({
  categoryId: z.uuid('must be a UUID').nullable().optional(),
  tags: tags.optional(),
  variants: variants.optional(),
});

export const categoryInput = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes, like billing-and-refunds')
    .max(80, 'is too long (80 characters at most)'),
  position: z.number().int('must be a whole number').min(0).max(10_000).optional(),
  names: z
    .partialRecord(
      z.enum(LOCALES),
      z.object({
        name: z.string().trim().min(1, 'is required').max(100, 'is too long (100 characters at most)'),
        description: z.string().trim().max(500, 'is too long (500 characters at most)').optional(),
      }),
    )
    .refine((names) => Object.keys(names).length > 0, 'needs a name in at least one locale'),
});

/** Whole UTC days from `from` to `to` (both included); the last 30 days when not given. */
export const statsQuery = z
  .object({ from: calendarDay().optional(), to: calendarDay().optional() })
  .transform(({ from, to }) => {
    const end = to
      ? new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS)
      : new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS);
    const start = from ? new Date(`${from}T00:00:00Z`) : new Date(end.getTime() - 30 * DAY_MS);
    return { from: start, to: end };
  })
  .refine(({ from, to }) => from < to, { message: 'from must not be after to', path: ['to'] });
