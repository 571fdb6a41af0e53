import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { InvalidVoiceWebhookError, parseVoiceWebhook, type VoiceWebhook } from '../../../channels/voice/voiceWebhook';
import type { AppContext } from '../../context';
import { sendTwiml } from '../../http/webhooks/sendTwiml';
import { VOICE_BASE } from '../../voice/voiceUrls';
import { answerCallSurvey, answerCallSurveyComment, applyCallSurveyTranscription } from './callSurvey';
import { answerSurveyOptIn } from './surveyOptIn';
import { voiceSurveyPaths } from './voiceSurveyTwiml';

const uuid = z.uuid();
const RECORDING_SID = /^RE[0-9A-Za-z]{1,64}$/;
const relative = (path: string) => path.slice(VOICE_BASE.length);

/** A query parameter we gave Twilio; a malformed one is the request's fault (400), never a 500. */
function query(req: Request, name: string) {
  const parsed = uuid.safeParse(req.query[name]);
  return parsed.success ? parsed.data : null;
}

/**
 * The keypad survey's webhooks, mounted inside the voice webhooks router (so after its form parser and Twilio
 * signature check): the IVR opt-in, each keyed answer, the spoken comment and its transcription.
 */
export function voiceSurveyWebhooks(ctx: AppContext) {
  const router = express.Router();
  const twiml =
    (ids: string[], handler: (req: Request, hook: VoiceWebhook, id: Record<string, string>) => Promise<string>) =>
    async (req: Request, res: Response) => {
      const id: Record<string, string> = {};
      for (const name of ids) {
        const value = query(req, name);
        if (!value) {
          res.status(400).type('text').send(`${name} must be a UUID in the query string.`);
          return;
        }
        id[name] = value;
      }
      let hook: VoiceWebhook;
      try {
        hook = parseVoiceWebhook(req.body);
      } catch (err) {
        if (err instanceof InvalidVoiceWebhookError) {
          res.status(400).type('text').send(err.message);
          return;
        }
        throw err;
      }
      sendTwiml(res, await handler(req, hook, id));
    };
  const body = (req: Request) => req.body as Record<string, string | undefined>;

  router.post(
    relative(voiceSurveyPaths.optIn),
    twiml(['callId', 'queueId'], (_req, hook, id) => answerSurveyOptIn(ctx, id.callId, id.queueId, hook.digits ?? '')),
  );
  router.post(
    relative(voiceSurveyPaths.answer),
    twiml(['surveyId'], (req, hook, id) => {
      const step = req.query.step === 'second' ? 'second' : 'score';
      const attempt =
        typeof req.query.attempt === 'string' && /^\d{1,2}$/.test(req.query.attempt) ? Number(req.query.attempt) : 0;
      return answerCallSurvey(ctx, id.surveyId, step, attempt, (hook.digits ?? '').replace(/#$/, ''), hook.callSid);
    }),
  );
  router.post(
    relative(voiceSurveyPaths.comment),
    twiml(['surveyId'], (req, hook, id) => {
      const { RecordingSid: sid, RecordingUrl: url } = body(req);
      // Silence leaves no recording; a recording is kept only with both its sid (its copy's key) and its address.
      const recording = sid && RECORDING_SID.test(sid) && url ? { sid, url } : null;
      return answerCallSurveyComment(ctx, id.surveyId, hook.callSid, recording);
    }),
  );
  // Twilio's transcription callback carries no TwiML answer and not always a CallSid.
  router.post(relative(voiceSurveyPaths.transcription), async (req, res) => {
    const surveyId = query(req, 'surveyId');
    if (!surveyId) {
      res.status(400).type('text').send('surveyId must be a UUID in the query string.');
      return;
    }
    const b = body(req);
    if (b.TranscriptionStatus === 'completed' && b.TranscriptionText)
      await applyCallSurveyTranscription(ctx, surveyId, b.TranscriptionText);
    res.status(204).end();
  });
  return router;
}
