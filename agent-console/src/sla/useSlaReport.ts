import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../data/queryKeys';
import { slaApi, type SlaReportRange } from './slaEndpoints';

/** The report for a range; SLA alarms re-read it calmly. A null range (an impossible one) reads nothing. */
export function useSlaReport(range: SlaReportRange | null) {
  const report = useQuery({
    queryKey: range ? queryKeys.slaReport(range) : queryKeys.slaReportAll,
    queryFn: () => slaApi.report(range!),
    enabled: range !== null,
  });
  return { data: range ? report.data : undefined, error: range ? report.error : null };
}
