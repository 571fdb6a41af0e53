import { useQuery } from '@tanstack/react-query';
import { getAgents, getQueues } from '../api/directoryEndpoints';
import { queryKeys } from './queryKeys';

/** Every queue: for transfers, callbacks, mailbox routing and the phone line. */
export const useQueues = () => useQuery({ queryKey: queryKeys.queues, queryFn: getQueues });

/**
 * Every agent with their presence. Presence events invalidate it, but only supervisors hear of colleagues' presence:
 * so each screen that lists agents (a transfer picker as it opens) reads it afresh when it mounts.
 */
export const useAgents = () => useQuery({ queryKey: queryKeys.agents, queryFn: getAgents, refetchOnMount: 'always' });
