import { ApiRequestError } from '../api/ApiRequestError';
import { extractCustomerId } from './extractCustomerId';

/** For a 404 `merged` answer: the id of the customer this one was merged into (null if the message names none). */
export function mergedInto(error: unknown): string | null | undefined {
  if (!(error instanceof ApiRequestError) || error.code !== 'merged') return undefined;
  return extractCustomerId(error.message, ...error.fields.map((field) => field.message));
}
