import type {
  AgentGridResponse,
  AgentGridRow,
  LiveCallsResponse,
  MonitorMode,
  MonitorSessionView,
  PutMonitoringSettingsRequest,
  PutQueueStatsSettingsRequest,
  SetAgentStateRequest,
  ThresholdView,
  WaitingContactsResponse,
  WallFiguresResponse,
  WallSettingsResponse,
} from '../../../server/http/wallApiTypes';
import { requestJson } from '../api/request';

/** The live wall's reads and a supervisor's actions (server/http/wallApiTypes.ts lists the routes). */
export const wallApi = {
  figures: () => requestJson<WallFiguresResponse>('/api/wall/figures'),
  agents: () => requestJson<AgentGridResponse>('/api/wall/agents'),
  waiting: () => requestJson<WaitingContactsResponse>('/api/wall/waiting'),
  calls: () => requestJson<LiveCallsResponse>('/api/wall/calls'),
  settings: () => requestJson<WallSettingsResponse>('/api/wall/settings'),

  setAgentState: (agentId: string, presence: SetAgentStateRequest['presence'], reason: string | null = null) =>
    requestJson<AgentGridRow>(`/api/wall/agents/${encodeURIComponent(agentId)}/state`, {
      method: 'PUT',
      body: (reason ? { presence, reason } : { presence }) satisfies SetAgentStateRequest,
    }),
  reassign: (ticketId: string, agentId: string) =>
    requestJson<void>(`/api/wall/contacts/${encodeURIComponent(ticketId)}/reassign`, {
      method: 'POST',
      body: { agentId },
    }),
  take: (ticketId: string) =>
    requestJson<void>(`/api/wall/contacts/${encodeURIComponent(ticketId)}/take`, { method: 'POST' }),

  startMonitoring: (callId: string, mode: MonitorMode) =>
    requestJson<MonitorSessionView>(`/api/wall/calls/${encodeURIComponent(callId)}/monitor`, {
      method: 'POST',
      body: { mode },
    }),
  changeMonitoring: (sessionId: string, mode: MonitorMode) =>
    requestJson<MonitorSessionView>(`/api/wall/monitor-sessions/${encodeURIComponent(sessionId)}`, {
      method: 'PUT',
      body: { mode },
    }),
  stopMonitoring: (sessionId: string) =>
    requestJson<void>(`/api/wall/monitor-sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }),

  putThresholds: (thresholds: ThresholdView[]) =>
    requestJson<WallSettingsResponse>('/api/wall/settings/thresholds', { method: 'PUT', body: { thresholds } }),
  putQueueSettings: (queueId: string, settings: PutQueueStatsSettingsRequest) =>
    requestJson<WallSettingsResponse>(`/api/wall/settings/queues/${encodeURIComponent(queueId)}`, {
      method: 'PUT',
      body: settings,
    }),
  putMonitoringSettings: (settings: PutMonitoringSettingsRequest) =>
    requestJson<WallSettingsResponse>('/api/wall/settings/monitoring', { method: 'PUT', body: settings }),
};
