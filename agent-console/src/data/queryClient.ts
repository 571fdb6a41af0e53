import { QueryClient } from '@tanstack/react-query';

/**
 * The console's one server-state cache. Socket events invalidate the queries they change, so data stays fresh
 * without polling; a failed request is retried once (the API answers 4xx for what retrying cannot fix).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});
