import { useCallback, useMemo } from 'react';
import type { UserView } from '../../../server/http/apiTypes';
import { getAgents, getQueues, type AgentEntry, type QueueEntry } from '../api/directoryEndpoints';
import type { NameLookup } from '../audit/describeAudit';
import { useServerData } from '../data/useServerData';
import { useRealtime } from '../realtime/realtimeContext';

export interface Directory {
  queues: QueueEntry[] | null;
  agents: AgentEntry[] | null;
  error: unknown;
  /** Agent, queue or my own name by id, for the audit timeline. */
  nameOf: NameLookup;
}

const loadDirectory = () =>
  Promise.all([getQueues(), getAgents()]).then(([{ queues }, { agents }]) => ({ queues, agents }));

/** Queues and agents: where a ticket can be transferred, and the names the audit timeline refers to by id. */
export function useDirectory(user: Pick<UserView, 'id' | 'name'>): Directory {
  const { connectionGeneration } = useRealtime();
  const { data, error } = useServerData(loadDirectory, connectionGeneration);

  const names = useMemo(() => {
    const map = new Map<string, string>([[user.id, user.name]]);
    data?.queues.forEach((queue) => map.set(queue.id, queue.name));
    data?.agents.forEach((agent) => map.set(agent.id, agent.name));
    return map;
  }, [data, user.id, user.name]);
  const nameOf = useCallback<NameLookup>((id) => (typeof id === 'string' ? names.get(id) : undefined), [names]);

  return { queues: data?.queues ?? null, agents: data?.agents ?? null, error, nameOf };
}
