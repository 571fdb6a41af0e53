import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../data/queryKeys';
import { slaApi } from './slaEndpoints';

/** Open tickets at or past their warning; SLA alarms and ticket changes re-read it (realtime/invalidationRules.ts). */
export const useSlaAtRisk = () => useQuery({ queryKey: queryKeys.slaAtRisk, queryFn: slaApi.atRisk });
