import { ApiRequestError } from '../api/ApiRequestError';

export type FieldErrors = Partial<Record<string, string[]>>;

/** A 400's messages by form field: the first part of each path ("customerIds.3" belongs to "customerIds"). */
export function fieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiRequestError)) return {};
  const byField: FieldErrors = {};
  for (const { path, message } of error.fields) {
    const field = path.split('.')[0] || '';
    const messages = (byField[field] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return byField;
}

/** Whether any of the error's fields is one the form shows; if not, its message goes at the bottom instead. */
export function hasShownField(errors: FieldErrors, shown: readonly string[]): boolean {
  return shown.some((field) => (errors[field]?.length ?? 0) > 0);
}
