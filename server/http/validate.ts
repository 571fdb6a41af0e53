import { z } from 'zod';
import { HttpError } from './httpError';

/** Parses input with a zod schema; a failure is a 400 that names each wrong field. Nothing runs on bad input. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ path: issue.path.join('.') || where, message: issue.message }));
  throw new HttpError(400, 'invalid_input', `Invalid ${where}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields);
}

export const idParams = z.object({ id: z.uuid('must be a UUID') });
