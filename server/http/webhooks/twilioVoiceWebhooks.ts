import express, { type Request } from 'express';
import type { AppContext } from '../../context';
import { answerCallbackNumber } from '../../voice/callbacks';
import { applyCallStatus, applyLegStatus } from '../../voice/callStatusCallbacks';
import { twimlFor } from '../../voice/callTwiml';
import { answerJoin, answerLeg } from '../../voice/connectCall';
import { loadIvr } from '../../voice/ivrSettings';
import { answerIncomingCall, answerMenu } from '../../voice/ivrFlow';
import { answerQueueResult, answerWait, answerWaitChoice } from '../../voice/queueCall';
import { answerVoicemail, applyRecordingStatus, applyTranscription } from '../../voice/voicemail';
import { voicePaths, VOICE_BASE } from '../../voice/voiceUrls';
import { startCallSurvey } from '../../surveys/voice/callSurvey';
import { voiceSurveyWebhooks } from '../../surveys/voice/voiceSurveyWebhooks';
import { HttpError } from '../httpError';
import { sendTwiml } from './sendTwiml';
import { idFrom, noContentAnswer, twimlAnswer } from './voiceWebhookAnswers';
import { requireTwilioSignature } from './twilioSignature';

// A count Twilio sends (seconds, attempts, steps); one past what an integer column holds is no count we can use.
const int = (v: unknown) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : null);

const relative = (path: string) => path.slice(VOICE_BASE.length) || '/';

/**
 * Twilio's voice webhooks, mounted at /webhooks/twilio/voice: form-encoded, signature-checked, answered with TwiML.
 * Each handler stores what the request tells before it answers.
 */
export function twilioVoiceWebhooks(ctx: AppContext) {
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb' }), requireTwilioSignature(ctx));

  const body = (req: Request) => req.body as Record<string, string | undefined>;

  router.post(
    relative(voicePaths.incoming),
    twimlAnswer((_req, hook) => answerIncomingCall(ctx, hook)),
  );
  router.post(
    relative(voicePaths.menu),
    twimlAnswer((req, hook) =>
      answerMenu(
        ctx,
        idFrom(req, 'callId'),
        String(req.query.menu ?? ''),
        int(req.query.attempt) ?? 0,
        int(req.query.step),
        hook,
      ),
    ),
  );
  router.post(
    relative(voicePaths.wait),
    twimlAnswer((req) => answerWait(ctx, idFrom(req, 'callId'))),
  );
  router.post(
    relative(voicePaths.waitChoice),
    twimlAnswer((req, hook) => answerWaitChoice(ctx, idFrom(req, 'callId'), hook.digits)),
  );
  router.post(
    relative(voicePaths.queueResult),
    twimlAnswer((req) =>
      answerQueueResult(ctx, idFrom(req, 'callId'), body(req).QueueResult ?? 'error', int(body(req).QueueTime)),
    ),
  );
  router.post(
    relative(voicePaths.callbackNumber),
    twimlAnswer((req, hook) =>
      answerCallbackNumber(
        ctx,
        idFrom(req, 'callId'),
        idFrom(req, 'queueId'),
        int(req.query.attempt) ?? 0,
        hook.digits,
      ),
    ),
  );
  router.post(
    relative(voicePaths.voicemail),
    twimlAnswer(async (req) => {
      const b = body(req);
      if (!b.RecordingSid || !b.RecordingUrl)
        return twimlFor(ctx, await loadIvr(ctx.sql)).goodbye('We did not receive a message. Goodbye.');
      const queueId = req.query.queueId === undefined ? null : idFrom(req, 'queueId');
      return answerVoicemail(ctx, idFrom(req, 'callId'), queueId, {
        recordingSid: b.RecordingSid,
        recordingUrl: b.RecordingUrl,
        durationSeconds: int(b.RecordingDuration),
      });
    }),
  );
  router.post(
    relative(voicePaths.leg),
    twimlAnswer((req) => answerLeg(ctx, idFrom(req, 'legId'))),
  );
  router.post(
    relative(voicePaths.join),
    twimlAnswer((req) => answerJoin(ctx, idFrom(req, 'callId'))),
  );
  router.post(
    relative(voicePaths.requeue),
    twimlAnswer(async (req) => {
      const callId = idFrom(req, 'callId');
      const [call] = await ctx.sql<{ queueId: string | null }[]>`select queue_id from calls where id = ${callId}`;
      const lines = twimlFor(ctx, await loadIvr(ctx.sql));
      return call?.queueId
        ? lines.enqueue(callId, call.queueId, 'Please hold while we find someone to help you.')
        : lines.goodbye('Goodbye.');
    }),
  );
  router.post(relative(voicePaths.holdMusic), async (_req, res) => {
    sendTwiml(res, twimlFor(ctx, await loadIvr(ctx.sql)).holdMusic());
  });
  // The agent has left: the caller is taken to the keypad survey when their queue asks for one, else told goodbye.
  router.post(
    relative(voicePaths.goodbye),
    twimlAnswer(
      async (req) =>
        (await startCallSurvey(ctx, req.query.callId)) ??
        twimlFor(ctx, await loadIvr(ctx.sql)).goodbye('Thank you for calling. Goodbye.'),
    ),
  );
  router.use(voiceSurveyWebhooks(ctx));

  router.post(
    relative(voicePaths.status),
    noContentAnswer(async (req) => {
      const { CallSid, CallStatus } = body(req);
      if (!CallSid || !CallStatus) throw new HttpError(400, 'invalid_input', 'CallSid and CallStatus are required.');
      await applyCallStatus(ctx, {
        callSid: CallSid,
        status: CallStatus,
        callId: req.query.callId === undefined ? undefined : idFrom(req, 'callId'),
      });
    }),
  );
  router.post(
    relative(voicePaths.legStatus),
    noContentAnswer(async (req) => {
      const { CallSid, CallStatus } = body(req);
      if (!CallSid || !CallStatus) throw new HttpError(400, 'invalid_input', 'CallSid and CallStatus are required.');
      await applyLegStatus(ctx, { legId: idFrom(req, 'legId'), callSid: CallSid, status: CallStatus });
    }),
  );
  router.post(
    relative(voicePaths.recording),
    noContentAnswer(async (req) => {
      const b = body(req);
      if (!b.RecordingSid || !b.RecordingUrl || !b.RecordingStatus)
        throw new HttpError(400, 'invalid_input', 'RecordingSid, RecordingUrl and RecordingStatus are required.');
      await applyRecordingStatus(ctx, idFrom(req, 'callId'), {
        recordingSid: b.RecordingSid,
        recordingUrl: b.RecordingUrl,
        durationSeconds: int(b.RecordingDuration),
        status: b.RecordingStatus,
      });
    }),
  );
  router.post(
    relative(voicePaths.transcription),
    noContentAnswer(async (req) => {
      const b = body(req);
      if (!b.RecordingSid) throw new HttpError(400, 'invalid_input', 'RecordingSid is required.');
      await applyTranscription(ctx, idFrom(req, 'callId'), {
        recordingSid: b.RecordingSid,
        text: b.TranscriptionText ?? null,
        status: b.TranscriptionStatus ?? 'failed',
      });
    }),
  );
  return router;
}
