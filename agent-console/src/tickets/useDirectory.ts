import { useCallback, useMemo } from 'react';
import type { UserView } from '../../../server/http/apiTypes';
import type { AgentEntry, QueueEntry } from '../api/directoryEndpoints';
import type { NameLookup } from '../audit/describeAudit';
import { useAgents, useQueues } from '../data/directoryQueries';

export interface Directory {
  queues: QueueEntry[] | null;
  agents: AgentEntry[] | null;
  error: unknown;
  /** Agent, queue or my own name by id, for the audit timeline. */
  nameOf: NameLookup;
}

/** Queues and agents: where a ticket can be transferred, and the names the audit timeline refers to by id. */
export function useDirectory(user: Pick<UserView, 'id' | 'name'>): Directory {
  const queueQuery = useQueues();
  const agents = useAgents();
  const queues = queueQuery.data?.queues;

  const names = useMemo(() => {
    const map = new Map<string, string>([[user.id, user.name]]);
    queues?.forEach((queue) => map.set(queue.id, queue.name));
    agents.data?.agents.forEach((agent) => map.set(agent.id, agent.name));
    return map;
  }, [queues, agents.data, user.id, user.name]);
  const nameOf = useCallback<NameLookup>((id) => (typeof id === 'string' ? names.get(id) : undefined), [names]);

  return {
    queues: queues ?? null,
    agents: agents.data?.agents ?? null,
    error: queueQuery.error ?? agents.error,
    nameOf,
  };
}
