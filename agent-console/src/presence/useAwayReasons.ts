import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getAwayReasons } from '../api/endpoints';
import { queryKeys } from '../data/queryKeys';

/** The away reasons offered now (an admin edits them); the presence switches list them under Away. */
export const useAwayReasons = () =>
  useQuery({ queryKey: queryKeys.awayReasons, queryFn: getAwayReasons, select: (r) => r.reasons });

/**
 * For a menu listing the reasons, on opening it. No event announces an admin's change to other consoles, so the
 * menu re-reads a list older than the cache's stale time: a reason just added shows by the next open at worst.
 * Judged by the cache at the moment of opening, not by the last render's `isStale`, which nothing re-renders.
 */
export function useRefreshAwayReasons() {
  const queryClient = useQueryClient();
  return () => {
    // A failed re-read keeps the list already shown.
    queryClient.fetchQuery({ queryKey: queryKeys.awayReasons, queryFn: getAwayReasons }).catch(() => undefined);
  };
}
