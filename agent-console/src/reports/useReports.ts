import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../data/queryKeys';
import { getAgentReport, getContactReport, type ReportQuery } from './reportEndpoints';

/** The contact and agent reports for a query; a null query (an impossible range) reads nothing. */
export function useReports(query: ReportQuery | null) {
  const contacts = useQuery({
    queryKey: query ? queryKeys.report('contacts', query) : queryKeys.reportsAll,
    queryFn: () => getContactReport(query!),
    enabled: query !== null,
  });
  const agents = useQuery({
    queryKey: query ? queryKeys.report('agents', query) : queryKeys.reportsAll,
    queryFn: () => getAgentReport(query!),
    enabled: query !== null,
  });
  return { contacts, agents };
}
