import { useQuery } from '@tanstack/react-query';
import { getInbox } from '../api/endpoints';
import { queryKeys } from '../data/queryKeys';

/** My open assigned tickets; ticket events that concern me and accepted offers invalidate it. */
export const useInbox = () => useQuery({ queryKey: queryKeys.inbox, queryFn: getInbox });
