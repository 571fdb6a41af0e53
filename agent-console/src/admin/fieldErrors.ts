import { ApiRequestError } from '../api/ApiRequestError';

/** The server's complaints by the exact request path ("capacity.sms", "intervals.3.opens"). */
export type PathErrors = Partial<Record<string, string[]>>;

export function errorsByPath(error: unknown): PathErrors {
  if (!(error instanceof ApiRequestError)) return {};
  const byPath: PathErrors = {};
  for (const { path, message } of error.fields) {
    const messages = (byPath[path] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return byPath;
}
