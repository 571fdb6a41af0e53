import express, { type Request } from 'express';
import type { AppContext } from '../../context';
import { idFrom, noContentAnswer, twimlAnswer } from '../../http/webhooks/voiceWebhookAnswers';
import { VOICE_BASE } from '../../voice/voiceUrls';
import { answerCallSurvey, answerCallSurveyComment, applyCallSurveyTranscription } from './callSurvey';
import { answerSurveyOptIn } from './surveyOptIn';
import { voiceSurveyPaths } from './voiceSurveyTwiml';

const RECORDING_SID = /^RE[0-9A-Za-z]{1,64}$/;
const relative = (path: string) => path.slice(VOICE_BASE.length);

/**
 * The keypad survey's webhooks, mounted inside the voice webhooks router (so after its form parser and Twilio
 * signature check): the IVR opt-in, each keyed answer, the spoken comment and its transcription.
 */
export function voiceSurveyWebhooks(ctx: AppContext) {
  const router = express.Router();
  const body = (req: Request) => req.body as Record<string, string | undefined>;

  router.post(
    relative(voiceSurveyPaths.optIn),
    twimlAnswer((req, hook) =>
      answerSurveyOptIn(ctx, idFrom(req, 'callId'), idFrom(req, 'queueId'), hook.digits ?? ''),
    ),
  );
  router.post(
    relative(voiceSurveyPaths.answer),
    twimlAnswer((req, hook) => {
      const surveyId = idFrom(req, 'surveyId');
      const step = req.query.step === 'second' ? 'second' : 'score';
      const attempt =
        typeof req.query.attempt === 'string' && /^\d{1,2}$/.test(req.query.attempt) ? Number(req.query.attempt) : 0;
      return answerCallSurvey(ctx, surveyId, step, attempt, (hook.digits ?? '').replace(/#$/, ''), hook.callSid);
    }),
  );
  router.post(
    relative(voiceSurveyPaths.comment),
    twimlAnswer((req, hook) => {
      const surveyId = idFrom(req, 'surveyId');
      const { RecordingSid: sid, RecordingUrl: url } = body(req);
      // Silence leaves no recording; a recording is kept only with both its sid (its copy's key) and its address.
      const recording = sid && RECORDING_SID.test(sid) && url ? { sid, url } : null;
      return answerCallSurveyComment(ctx, surveyId, hook.callSid, recording);
    }),
  );
  // Twilio's transcription callback carries no TwiML answer and not always a CallSid.
  router.post(
    relative(voiceSurveyPaths.transcription),
    noContentAnswer(async (req) => {
      const surveyId = idFrom(req, 'surveyId');
      const b = body(req);
      if (b.TranscriptionStatus === 'completed' && b.TranscriptionText)
        await applyCallSurveyTranscription(ctx, surveyId, b.TranscriptionText);
    }),
  );
  return router;
}
