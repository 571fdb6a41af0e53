import { z } from 'zod';
import { isWithheldCallerId } from '../../../channels/voice/withheldCallerId';
import type { AppContext } from '../../context';
import { normalizeIdentity } from '../../customers/identity';
import type { CallSnapshot, ConferenceParticipantView } from '../../voice/simulator/types';
import { clientIdentity } from '../../voice/voiceUrls';
import { HttpError } from '../httpError';
import { ANY_ROLE, route } from '../route';
import type { SimulatedCallView, SimulatedParticipantView } from '../voiceApiTypes';

function simulatorOf(ctx: AppContext) {
  if (!ctx.voice.simulator)
    throw new HttpError(
      404,
      'simulator_off',
      'The simulator is off: Twilio credentials are configured, so real calls are used.',
    );
  return ctx.voice.simulator;
}

/** The simulated call, if it exists. */
function snapshotOf(ctx: AppContext, sid: string): CallSnapshot {
  const snapshot = simulatorOf(ctx).snapshot(sid);
  if (!snapshot) throw new HttpError(404, 'not_found', 'No such simulated call.');
  return snapshot;
}

/** A participant of the caller's conference: the caller, the agent, or a monitoring supervisor (callMonitoring.ts labels them). */
function participantOf(p: ConferenceParticipantView, callerSid: string): SimulatedParticipantView {
  const role = p.callSid === callerSid ? 'caller' : p.label === 'supervisor' ? 'supervisor' : 'agent';
  const monitoring = role !== 'supervisor' ? null : p.coaching ? 'coaching' : p.muted ? 'listening' : 'barged';
  return { callSid: p.callSid, party: p.party, role, monitoring, muted: p.muted, onHold: p.held };
}

function present(s: CallSnapshot): SimulatedCallView {
  return {
    sid: s.sid,
    from: s.from,
    to: s.to,
    direction: s.direction,
    status: s.status,
    transcript: s.transcript.map((e) => ({ at: e.at, kind: e.kind, text: e.text ?? e.url ?? '' })),
    awaiting: !s.awaiting
      ? null
      : s.awaiting.kind === 'gather'
        ? { kind: 'gather', numDigits: s.awaiting.numDigits, input: s.awaiting.input }
        : { kind: 'record' },
    queue: s.queue ? { name: s.queue.name, position: s.queue.position } : null,
    conference: s.conference
      ? {
          name: s.conference.name,
          onHold: s.conference.held,
          muted: s.conference.muted,
          participants: s.conference.participants.map((p) => participantOf(p, s.sid)),
        }
      : null,
  };
}

const sidParams = z.object({ sid: z.string().regex(/^CA[0-9a-f]{32}$/, 'must be a CallSid') });

/** A simulated customer's call, operated from the simulator page (and by tests, through the same engine). */
const customerCallRoutes = [
  route({
    method: 'post',
    path: '/api/simulator/voice/calls',
    access: ANY_ROLE,
    summary:
      'Call the company line from a simulated phone: the simulator follows the TwiML the line answers, as Twilio would.',
    body: z.object({ from: z.string().trim().min(1, 'is required').max(40) }),
    async handler({ ctx, body, res }) {
      const simulator = simulatorOf(ctx);
      // A simulated caller may withhold their number, as Twilio then reports it.
      let from = 'anonymous';
      if (!isWithheldCallerId(body.from)) {
        try {
          from = normalizeIdentity('phone', body.from, ctx.config.DEFAULT_PHONE_REGION as never);
        } catch {
          const message = 'must be a phone number, like +14155550100, or "anonymous" to withhold it';
          throw new HttpError(400, 'invalid_input', `from ${message}`, [{ path: 'from', message }]);
        }
      }
      const callSid = await simulator.placeCall({ from, to: ctx.voice.companyNumber });
      res.status(201);
      return { callSid };
    },
  }),
  route({
    method: 'get',
    path: '/api/simulator/voice/calls/:sid',
    access: ANY_ROLE,
    summary: 'A simulated call as its caller experiences it: what was said, what it waits for, queue and conference.',
    params: sidParams,
    handler: async ({ ctx, params }): Promise<{ call: SimulatedCallView }> => ({
      call: present(snapshotOf(ctx, params.sid)),
    }),
  }),
  route({
    method: 'post',
    path: '/api/simulator/voice/calls/:sid/digits',
    access: ANY_ROLE,
    summary: 'Press keys on the simulated phone.',
    params: sidParams,
    body: z.object({ digits: z.string().regex(/^[0-9*#w]{1,32}$/, 'keys 0-9, * and # only') }),
    async handler({ ctx, params, body }) {
      snapshotOf(ctx, params.sid);
      simulatorOf(ctx).pressDigits(params.sid, body.digits);
      return { call: present(snapshotOf(ctx, params.sid)) };
    },
  }),
  route({
    method: 'post',
    path: '/api/simulator/voice/calls/:sid/speech',
    access: ANY_ROLE,
    summary: 'Say something to the line (answers a Gather that listens for speech).',
    params: sidParams,
    body: z.object({ text: z.string().trim().min(1, 'is required').max(500) }),
    async handler({ ctx, params, body }) {
      snapshotOf(ctx, params.sid);
      simulatorOf(ctx).speak(params.sid, body.text);
      return { call: present(snapshotOf(ctx, params.sid)) };
    },
  }),
  route({
    method: 'post',
    path: '/api/simulator/voice/calls/:sid/recording',
    access: ANY_ROLE,
    summary:
      'Leave a message when the line records (typed: the simulator keeps it as the recording and its transcription).',
    params: sidParams,
    body: z.object({ text: z.string().trim().min(1, 'is required').max(2000) }),
    async handler({ ctx, params, body }) {
      snapshotOf(ctx, params.sid);
      simulatorOf(ctx).leaveRecording(params.sid, body.text);
      return { call: present(snapshotOf(ctx, params.sid)) };
    },
  }),
  route({
    method: 'post',
    path: '/api/simulator/voice/calls/:sid/hangup',
    access: ANY_ROLE,
    summary: 'Hang up the simulated phone.',
    params: sidParams,
    async handler({ ctx, params }) {
      snapshotOf(ctx, params.sid);
      simulatorOf(ctx).hangup(params.sid);
    },
  }),
];

/** The agent's simulated browser phone: calls Twilio would ring in the Voice SDK ring here instead. */
const deviceRoutes = [
  route({
    method: 'get',
    path: '/api/simulator/voice/device',
    access: ANY_ROLE,
    summary: 'Calls ringing or connected at your simulated browser phone.',
    async handler({ ctx, session }): Promise<{ calls: SimulatedCallView[] }> {
      const me = `client:${clientIdentity(session.userId)}`;
      const calls = simulatorOf(ctx)
        .calls()
        .filter((c) => c.to === me && !['completed', 'busy', 'failed', 'no-answer', 'canceled'].includes(c.status));
      return { calls: calls.map(present) };
    },
  }),
  ...(['answer', 'reject'] as const).map((action) =>
    route({
      method: 'post',
      path: `/api/simulator/voice/device/:sid/${action}`,
      access: ANY_ROLE,
      summary:
        action === 'answer'
          ? 'Pick up a call ringing at your simulated browser phone.'
          : 'Decline a call ringing at your simulated browser phone.',
      params: sidParams,
      async handler({ ctx, params, session }) {
        const call = snapshotOf(ctx, params.sid);
        if (call.to !== `client:${clientIdentity(session.userId)}`)
          throw new HttpError(403, 'forbidden', 'This call is not ringing your phone.');
        if (call.status !== 'ringing')
          throw new HttpError(409, 'not_ringing', `The call is ${call.status}, not ringing.`);
        if (action === 'answer') simulatorOf(ctx).answer(params.sid);
        else simulatorOf(ctx).reject(params.sid);
        return { call: present(snapshotOf(ctx, params.sid)) };
      },
    }),
  ),
];

export const voiceSimulatorRoutes = [...customerCallRoutes, ...deviceRoutes];
