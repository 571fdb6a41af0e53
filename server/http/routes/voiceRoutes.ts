import { z } from 'zod';
import { requireVisibleCall, requireVisibleTicket } from '../../auth/ticketAccess';
import { cancelCallback, listCallbacks, scheduleCallback } from '../../voice/callbacks';
import {
  callForControl,
  hangUpCall,
  holdCall,
  transferCallToAgent,
  transferCallToQueue,
  wrapUpCall,
} from '../../voice/callControls';
import { findCallView, listCallViews } from '../../voice/callQueries';
import { findCallRecording } from '../../voice/callRecordings';
import { callStats } from '../../voice/callStats';
import { clickToDial } from '../../voice/clickToDial';
import { setAgentMuted } from '../../voice/conferenceControl';
import { ivrSettingsInput, loadIvr, saveIvr } from '../../voice/ivrSettings';
import { sendRecordingMedia } from '../../voice/recordingMedia';
import { voiceDeviceFor } from '../../voice/voiceDevice';
import { ADMINS, ANY_ROLE, route, SUPERVISORS } from '../route';
import { calendarDay, idParams } from '../validate';
import type { CallbackView, CallStatsResponse, CallView, VoiceDeviceResponse } from '../voiceApiTypes';

const transferTarget = z.union([z.object({ queueId: z.uuid() }).strict(), z.object({ agentId: z.uuid() }).strict()], {
  error: 'give either queueId or agentId (a UUID)',
});
const phoneNumber = z.string().trim().min(1, 'is required').max(40);
// A minute's grace for clocks that differ and forms sent at "now".
const PAST_DUE_GRACE_MS = 60_000;

// The phone: the agent's device, call controls and after-call work, callbacks, click-to-dial, statistics, the IVR.
export const voiceRoutes = [
  route({
    method: 'get',
    path: '/api/voice/device',
    access: ANY_ROLE,
    summary: 'How you take calls: in the browser (with a Voice SDK token under Twilio) or on your phone.',
    handler: async ({ ctx, session }): Promise<VoiceDeviceResponse> => voiceDeviceFor(ctx, session.userId),
  }),
  route({
    method: 'get',
    path: '/api/calls/mine',
    access: ANY_ROLE,
    summary: 'Your calls in progress and those waiting for your after-call work.',
    async handler({ ctx, session }): Promise<{ calls: CallView[] }> {
      const rows = await ctx.sql<{ id: string }[]>`
        select id from calls where agent_id = ${session.userId} and (ended_at is null or wrap_up = 'pending') order by created_at`;
      return { calls: rows.length ? await listCallViews(ctx, { callIds: rows.map((r) => r.id) }) : [] };
    },
  }),
  route({
    method: 'get',
    path: '/api/tickets/:id/calls',
    access: ANY_ROLE,
    summary: 'The calls and callbacks of a ticket you may see.',
    params: idParams,
    async handler({ ctx, params: { id }, session }): Promise<{ calls: CallView[]; callbacks: CallbackView[] }> {
      await requireVisibleTicket(ctx.sql, session, id);
      return {
        calls: await listCallViews(ctx, { ticketId: id }),
        callbacks: await listCallbacks(ctx, { ticketId: id }),
      };
    },
  }),
  route({
    method: 'post',
    path: '/api/calls',
    access: ANY_ROLE,
    summary:
      'Call a customer (click-to-dial): your phone or browser rings first, then the customer; logged on the ticket given (404 if it is not one you may see, and nothing is dialled) or a new one.',
    body: z.object({ customerId: z.uuid(), phoneNumber, ticketId: z.uuid().optional() }),
    async handler({ ctx, body, res, session }) {
      const placed = await clickToDial(ctx, session, body);
      res.status(201);
      return { ticketId: placed.ticketId, call: await findCallView(ctx, placed.callId) };
    },
  }),
  route({
    method: 'get',
    path: '/api/calls/:id',
    access: ANY_ROLE,
    summary: 'One call: one you are on, or on a ticket you may see.',
    params: idParams,
    async handler({ ctx, params: { id }, session }): Promise<{ call: CallView }> {
      await requireVisibleCall(ctx.sql, session, id);
      return { call: (await findCallView(ctx, id))! };
    },
  }),
  route({
    method: 'get',
    path: '/api/calls/:id/recording',
    access: ANY_ROLE,
    summary:
      'The call’s recording as audio, for a call on a ticket you may see: streamed from Twilio (Range requests seek), or silence from the phone simulator.',
    params: idParams,
    async handler({ ctx, params: { id }, req, res, session }) {
      await sendRecordingMedia(ctx, await findCallRecording(ctx.sql, session, id), req.headers.range, res);
    },
  }),
  route({
    method: 'post',
    path: '/api/calls/:id/hangup',
    access: ANY_ROLE,
    summary: 'End the call: the customer hears goodbye, every agent leg hangs up.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await hangUpCall(ctx, await callForControl(ctx, id, session));
    },
  }),
  route({
    method: 'post',
    path: '/api/calls/:id/hold',
    access: ANY_ROLE,
    summary: 'Put the customer on hold (they hear hold audio) or take them off.',
    params: idParams,
    body: z.object({ hold: z.boolean() }),
    async handler({ ctx, params: { id }, body, session }) {
      await holdCall(ctx, await callForControl(ctx, id, session), body.hold);
      return { call: await findCallView(ctx, id) };
    },
  }),
  route({
    method: 'post',
    path: '/api/calls/:id/mute',
    access: ANY_ROLE,
    summary: 'Mute or unmute your microphone on the call.',
    params: idParams,
    body: z.object({ muted: z.boolean() }),
    async handler({ ctx, params: { id }, body, session }) {
      await callForControl(ctx, id, session);
      await setAgentMuted(ctx, id, session.userId, body.muted);
      return { call: await findCallView(ctx, id) };
    },
  }),
  route({
    method: 'post',
    path: '/api/calls/:id/transfer',
    access: ANY_ROLE,
    summary:
      'Transfer the caller to a queue ({queueId}: they wait again, keeping their age) or to an agent ({agentId}: on hold while that agent is rung).',
    params: idParams,
    body: transferTarget,
    async handler({ ctx, params: { id }, body, session }) {
      const call = await callForControl(ctx, id, session);
      if ('queueId' in body) await transferCallToQueue(ctx, call, body.queueId, session.userId);
      else await transferCallToAgent(ctx, call, body.agentId, session.userId);
      return { call: await findCallView(ctx, id) };
    },
  }),
  route({
    method: 'post',
    path: '/api/calls/:id/wrap-up',
    access: ANY_ROLE,
    summary: 'Finish after-call work: a disposition and a note; you can be offered the next call.',
    params: idParams,
    body: z.object({
      disposition: z.string().trim().min(1, 'is required').max(80),
      note: z.string().trim().max(5000).default(''),
    }),
    async handler({ ctx, params: { id }, body, session }) {
      await requireVisibleCall(ctx.sql, session, id);
      await wrapUpCall(ctx, id, session.userId, body);
      return { call: await findCallView(ctx, id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/callbacks',
    access: ANY_ROLE,
    summary:
      'Callbacks of the tickets and queues you may see (at most 200), optionally by status or customer: those still to be made soonest due first, then those that are over, latest first.',
    query: z.object({
      status: z.enum(['pending', 'offered', 'dialing', 'completed', 'failed', 'canceled']).optional(),
      customerId: z.uuid().optional(),
    }),
    handler: async ({ ctx, query, session }): Promise<{ callbacks: CallbackView[] }> => ({
      callbacks: await listCallbacks(ctx, { ...query, visibleTo: session }),
    }),
  }),
  route({
    method: 'post',
    path: '/api/callbacks',
    access: ANY_ROLE,
    summary:
      'Book a callback for a customer at a time (not in the past): it is routed like a call when the time comes.',
    body: z.object({
      customerId: z.uuid(),
      phoneNumber,
      queueId: z.uuid(),
      dueAt: z.iso
        .datetime({ offset: true })
        .transform((s) => new Date(s))
        .refine((due) => due.getTime() >= Date.now() - PAST_DUE_GRACE_MS, 'must not be in the past'),
      note: z.string().trim().max(2000).default(''),
    }),
    async handler({ ctx, body, res, session }) {
      const created = await scheduleCallback(ctx, body, session);
      res.status(201);
      return { ticketId: created.ticketId, callback: (await listCallbacks(ctx, { ticketId: created.ticketId }))[0] };
    },
  }),
  route({
    method: 'post',
    path: '/api/callbacks/:id/cancel',
    access: ANY_ROLE,
    summary: 'Cancel a callback that has not been dialled yet.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await cancelCallback(ctx, id, session);
    },
  }),
  route({
    method: 'get',
    path: '/api/reports/calls',
    access: SUPERVISORS,
    summary:
      'Call statistics by period and agent: inbound, outbound, answered, abandoned, total and average talk time.',
    query: z
      .object({
        from: calendarDay().transform((d) => new Date(`${d}T00:00:00Z`)),
        to: calendarDay().transform((d) => new Date(`${d}T00:00:00Z`)),
        groupBy: z.enum(['day', 'week', 'month']).default('day'),
        agentId: z.uuid().optional(),
      })
      .refine((q) => q.to >= q.from, { message: 'to must not be before from', path: ['to'] }),
    async handler({ ctx, query }): Promise<CallStatsResponse> {
      // `to` names the last day included.
      return callStats(ctx.sql, { ...query, to: new Date(query.to.getTime() + 86_400_000) });
    },
  }),
  route({
    method: 'get',
    path: '/api/admin/ivr',
    access: ADMINS,
    summary: 'The phone line: greeting, menus, messages, business hours.',
    handler: async ({ ctx }) => ({ ivr: await loadIvr(ctx.sql) }),
  }),
  route({
    method: 'put',
    path: '/api/admin/ivr',
    access: ADMINS,
    summary: 'Replace the phone line’s settings; menus, queues and hours are checked to exist.',
    body: ivrSettingsInput,
    async handler({ ctx, body, session }) {
      await saveIvr(ctx.sql, body, session.userId);
      return { ivr: await loadIvr(ctx.sql) };
    },
  }),
];
