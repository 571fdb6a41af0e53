import type { Presence } from '../../../server/http/apiTypes';
import { requestJson } from './request';

export interface QueueEntry {
  id: string;
  name: string;
}

export interface AgentEntry {
  id: string;
  name: string;
  presence: Presence;
}

export const getQueues = () => requestJson<{ queues: QueueEntry[] }>('/api/queues');

export const getAgents = () => requestJson<{ agents: AgentEntry[] }>('/api/agents');
