import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from '../api/ApiRequestError';

/** A 4xx says what is wrong with the request (gone, forbidden, signed out): asking again cannot change it. */
export function worthRetrying(failures: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failures < 1;
}

/**
 * The console's one server-state cache. Socket events invalidate the queries they change (realtime/
 * useRealtimeInvalidation.ts), so data stays fresh without polling; a failed request is retried once unless the
 * API answered 4xx.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: worthRetrying, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});
