import { z } from 'zod';
import { agentGridFor } from '../../wall/agentGrid';
import { assignWaitingContact, reassignContact, setAgentState } from '../../wall/supervisorActions';
import { waitingContactsFor } from '../../wall/waitingContacts';
import { announceWallSettingsChanged } from '../../wall/wallSettingsChanged';
import { wallFiguresFor } from '../../wall/wallFigures';
import {
  loadWallSettings,
  monitoringInput,
  queueStatsInput,
  saveMonitoringSettings,
  saveQueueStats,
  saveThresholds,
  thresholdsInput,
} from '../../wall/wallSettings';
import { presenceInput } from '../presenceInput';
import { ADMINS, route, SUPERVISORS } from '../route';
import type {
  AgentGridResponse,
  AgentGridRow,
  WaitingContactsResponse,
  WallFiguresResponse,
  WallSettingsResponse,
} from '../wallApiTypes';

const agentParams = z.object({ agentId: z.uuid('must be a UUID') });
const ticketParams = z.object({ ticketId: z.uuid('must be a UUID') });
const queueParams = z.object({ queueId: z.uuid('must be a UUID') });

// The supervisors' live wall: figures, the agent grid, who waits, supervisor actions and the wall's settings.
export const wallRoutes = [
  route({
    method: 'get',
    path: '/api/wall/figures',
    access: SUPERVISORS,
    summary: "Live figures of your teams' queues, per channel and in total, today and in the last 30 minutes.",
    handler: async ({ ctx, session }): Promise<WallFiguresResponse> => wallFiguresFor(ctx.sql, session),
  }),
  route({
    method: 'get',
    path: '/api/wall/agents',
    access: SUPERVISORS,
    summary: "Your teams' agents: each one's state with the time in it, and their current contacts.",
    async handler({ ctx, session }): Promise<AgentGridResponse> {
      const agents = await agentGridFor(ctx.sql, session, ctx.config.AFTER_CALL_WORK_SECONDS);
      return { at: new Date().toISOString(), agents };
    },
  }),
  route({
    method: 'get',
    path: '/api/wall/waiting',
    access: SUPERVISORS,
    summary: "Who waits in your teams' queues, longest first.",
    async handler({ ctx, session }): Promise<WaitingContactsResponse> {
      return { at: new Date().toISOString(), contacts: await waitingContactsFor(ctx.sql, session) };
    },
  }),
  route({
    method: 'put',
    path: '/api/wall/agents/:agentId/state',
    access: SUPERVISORS,
    summary: "Set an agent's presence (available, busy, away, offline); away may name a reason code.",
    params: agentParams,
    body: presenceInput,
    handler: async ({ ctx, session, params, body }): Promise<AgentGridRow> =>
      setAgentState(ctx, session, params.agentId, body.presence, body.reason),
  }),
  route({
    method: 'post',
    path: '/api/wall/contacts/:ticketId/reassign',
    access: SUPERVISORS,
    summary: 'Give a waiting contact to an agent of your teams (a call rings them).',
    params: ticketParams,
    body: z.object({ agentId: z.uuid('must be a UUID') }),
    async handler({ ctx, session, params, body }) {
      await reassignContact(ctx, session, params.ticketId, body.agentId);
    },
  }),
  route({
    method: 'post',
    path: '/api/wall/contacts/:ticketId/take',
    access: SUPERVISORS,
    summary: 'Take a waiting contact yourself (a call rings you).',
    params: ticketParams,
    async handler({ ctx, session, params }) {
      await assignWaitingContact(ctx, session, params.ticketId, session.userId);
    },
  }),
  route({
    method: 'get',
    path: '/api/wall/settings',
    access: SUPERVISORS,
    summary: "The wall's thresholds, each queue's statistics settings, short abandons and monitoring notice.",
    handler: async ({ ctx }): Promise<WallSettingsResponse> => loadWallSettings(ctx.sql),
  }),
  route({
    method: 'put',
    path: '/api/wall/settings/thresholds',
    access: ADMINS,
    summary: 'Replace the warning and critical thresholds (per queue, or the default for every queue).',
    body: thresholdsInput,
    async handler({ ctx, session, body }): Promise<WallSettingsResponse> {
      await saveThresholds(ctx.sql, body, session.userId);
      await announceWallSettingsChanged(ctx, 'every queue');
      return loadWallSettings(ctx.sql);
    },
  }),
  route({
    method: 'put',
    path: '/api/wall/settings/queues/:queueId',
    access: ADMINS,
    summary: "A queue's service level threshold, and when its day starts in its time zone.",
    params: queueParams,
    body: queueStatsInput,
    async handler({ ctx, session, params, body }): Promise<WallSettingsResponse> {
      await saveQueueStats(ctx.sql, params.queueId, body, session.userId);
      await announceWallSettingsChanged(ctx, [params.queueId]);
      return loadWallSettings(ctx.sql);
    },
  }),
  route({
    method: 'put',
    path: '/api/wall/settings/monitoring',
    access: ADMINS,
    summary: 'Whether agents are told they are monitored, and the short abandon threshold.',
    body: monitoringInput,
    async handler({ ctx, session, body }): Promise<WallSettingsResponse> {
      await saveMonitoringSettings(ctx.sql, body, session.userId);
      await announceWallSettingsChanged(ctx, 'every queue');
      return loadWallSettings(ctx.sql);
    },
  }),
];
