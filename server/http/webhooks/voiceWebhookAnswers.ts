import type { Request, Response } from 'express';
import { z } from 'zod';
import { InvalidVoiceWebhookError, parseVoiceWebhook, type VoiceWebhook } from '../../../channels/voice/voiceWebhook';
import { HttpError } from '../httpError';
import { sendTwiml } from './sendTwiml';

const uuid = z.uuid();

/** A query id Twilio was given by us; a missing or malformed one is a 400 (and Twilio logs the error). */
export function idFrom(req: Request, name: string): string {
  const parsed = uuid.safeParse(req.query[name]);
  if (!parsed.success) throw new HttpError(400, 'invalid_input', `${name} must be a UUID in the query string.`);
  return parsed.data;
}

/** A refusal Twilio shows in its debugger as it is: plain text, never a 5xx for the request's own fault. */
function answerRefusal(res: Response, err: unknown) {
  if (err instanceof InvalidVoiceWebhookError) res.status(400).type('text').send(err.message);
  else if (err instanceof HttpError && err.status < 500) res.status(err.status).type('text').send(err.message);
  else throw err;
}

/** A voice webhook answered with the TwiML `handler` makes from the parsed hook; a malformed hook or id is a 400. */
export const twimlAnswer =
  (handler: (req: Request, hook: VoiceWebhook) => Promise<string>) => async (req: Request, res: Response) => {
    let twiml: string;
    try {
      twiml = await handler(req, parseVoiceWebhook(req.body));
    } catch (err) {
      answerRefusal(res, err);
      return;
    }
    sendTwiml(res, twiml);
  };

/** A status callback: `handler` stores what it tells, then 204 (Twilio reads no answer); a malformed id is a 400. */
export const noContentAnswer = (handler: (req: Request) => Promise<unknown>) => async (req: Request, res: Response) => {
  try {
    await handler(req);
  } catch (err) {
    answerRefusal(res, err);
    return;
  }
  res.status(204).end();
};
