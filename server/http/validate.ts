import { z } from 'zod';
import { unstorablePaths } from '../../channels/textSafety';
import { HttpError } from './httpError';

// Postgres refuses U+0000 in text and jsonb, and a lone surrogate has no UTF-8 form: either would be a 500 later.
const UNSTORABLE_MESSAGE = 'contains a NUL character (U+0000) or a lone surrogate, which cannot be stored';

/**
 * Parses input with a zod schema; a failure is a 400 that names each wrong field. Nothing runs on bad input.
 * Every string that passes the schema must also be storable text (see UNSTORABLE_MESSAGE).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'params' = 'body',
): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  const fields = result.success
    ? unstorablePaths(result.data).map((path) => ({ path: path || where, message: UNSTORABLE_MESSAGE }))
    : result.error.issues.map((issue) => ({ path: issue.path.join('.') || where, message: issue.message }));
  if (result.success && fields.length === 0) return result.data;
  throw new HttpError(
    400,
    'invalid_input',
    `Invalid ${where}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    fields,
  );
}

export const idParams = z.object({ id: z.uuid('must be a UUID') });

/** A calendar day, 2026-11-01. ISO 8601 has a year 0000 but PostgreSQL has none (1 BC precedes AD 1): refused here. */
export const calendarDay = (message = 'must be a date, like 2026-11-01') =>
  z.iso
    .date({ error: message })
    // abort: a check of the whole input (is `to` after `from`?) has no day to compare.
    .refine((day) => !day.startsWith('0000-'), { message: 'must be a date from the year 0001 on', abort: true });
