import { useQuery, type QueryKey } from '@tanstack/react-query';
import { ApiRequestError } from '../api/ApiRequestError';

/**
 * A report another part of the server may provide (SLA results, survey scores): absent (404) means "not provided
 * here", and the section is left out rather than shown as an error.
 */
export function useOptionalReport<T>(queryKey: QueryKey, read: () => Promise<T>, enabled: boolean) {
  const report = useQuery({
    queryKey,
    queryFn: read,
    enabled,
    retry: (failures, error) => !(error instanceof ApiRequestError && error.status === 404) && failures < 2,
  });
  const missing = report.error instanceof ApiRequestError && report.error.status === 404;
  return { data: report.data, error: missing ? null : report.error, missing };
}
