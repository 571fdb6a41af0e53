import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LowScoresQuery,
  ReturnVisitStatus,
  ScheduleReturnVisitsInput,
  SurveyCommentsQuery,
  SurveyReportQuery,
} from '../../../server/http/surveyApiTypes';
import { queryKeys } from '../data/queryKeys';
import { surveyApi } from './surveyApi';

/** A report for a query; a null query (an impossible range) reads nothing and shows nothing. */
export function useSurveyReport(query: SurveyReportQuery | null) {
  const report = useQuery({
    queryKey: query ? queryKeys.surveyReport(query) : [...queryKeys.surveys, 'report'],
    queryFn: () => surveyApi.report(query!),
    enabled: query !== null,
  });
  return { data: query ? report.data : undefined, error: query ? report.error : null };
}

/** Answered surveys in a range (low ones only, if asked); 'survey.low_score' re-reads them. */
export function useSurveyComments(query: SurveyCommentsQuery | null) {
  const comments = useQuery({
    queryKey: query ? queryKeys.surveyComments(query) : [...queryKeys.surveys, 'comments'],
    queryFn: () => surveyApi.comments(query!),
    enabled: query !== null,
  });
  return { data: query ? comments.data : undefined, error: query ? comments.error : null };
}

/** Low scores with or without a comment (of a queue, if asked); 'survey.low_score' re-reads them. */
export const useLowScores = (query: LowScoresQuery) =>
  useQuery({ queryKey: queryKeys.surveyLowScores(query), queryFn: () => surveyApi.lowScores(query) });

export const useReturnVisits = (status: ReturnVisitStatus | null) =>
  useQuery({ queryKey: queryKeys.returnVisitList(status), queryFn: () => surveyApi.returnVisits(status) });

export const useAtRiskCustomers = () =>
  useQuery({ queryKey: queryKeys.atRiskCustomers, queryFn: surveyApi.atRiskCustomers });

/** Schedules return visits; the lists and the tickets revisited are read again. */
export function useScheduleReturnVisits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleReturnVisitsInput) => surveyApi.scheduleReturnVisits(input),
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: queryKeys.returnVisits });
      for (const visit of answer.returnVisits)
        void client.invalidateQueries({ queryKey: queryKeys.ticket(visit.ticketId) });
    },
  });
}

/** Whatever the answer, the list is read again: the visit may have been made meanwhile. */
export function useCancelReturnVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => surveyApi.cancelReturnVisit(id),
    onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.returnVisits }),
  });
}
