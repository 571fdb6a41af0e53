import { useQuery } from '@tanstack/react-query';
import { adminKeys } from '../admin/adminQueries';
import { surveyApi } from './surveyApi';

/** Under the admin keys, so a save through useAdminMutation re-reads them with every other admin screen's data. */
export const surveyAdminKeys = {
  surveySettings: [...adminKeys.all, 'surveySettings'] as const,
  healthSettings: [...adminKeys.all, 'healthSettings'] as const,
};

export const useSurveySettings = () =>
  useQuery({ queryKey: surveyAdminKeys.surveySettings, queryFn: surveyApi.settings });

export const useHealthSettings = () =>
  useQuery({ queryKey: surveyAdminKeys.healthSettings, queryFn: surveyApi.healthSettings });
