import type { RequestHandler } from 'express';
import twilio from 'twilio';
import { storableDeep } from '../../../channels/textSafety';
import type { AppContext } from '../../context';

/**
 * Refuses (403, nothing stored) a webhook whose X-Twilio-Signature does not match the public URL it was sent to
 * and every parameter it carries, under our auth token. The public URL is PUBLIC_URL, so it holds behind a proxy.
 * A signed request that is not what Twilio sends (a JSON body, a parameter given twice) is a 400; what passes
 * on is one string per parameter, with any NUL or broken surrogate kept as U+FFFD so Postgres can store it.
 */
export function requireTwilioSignature(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    const signature = req.get('x-twilio-signature');
    const url = ctx.config.PUBLIC_URL + req.originalUrl;
    const body: unknown = req.body ?? {};
    if (!signature || !twilio.validateRequest(ctx.sms.authToken, signature, url, body as Record<string, unknown>)) {
      res
        .status(403)
        .type('text')
        .send(signature ? 'Invalid Twilio signature.' : 'Missing X-Twilio-Signature.');
      return;
    }
    const contentType = req.get('content-type');
    // No Content-Type: nothing was parsed, so there are no parameters (as the signature says).
    const problem =
      contentType && req.is('application/x-www-form-urlencoded') === false
        ? `Twilio webhooks are form-encoded; got ${contentType}.`
        : repeatedParam(body);
    if (problem) {
      res.status(400).type('text').send(problem);
      return;
    }
    req.body = storableDeep(body);
    next();
  };
}

/** Why the parameters are not one string each, as Twilio posts them; null when they are. */
function repeatedParam(body: unknown): string | null {
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value !== 'string') return `${name} is given more than once; Twilio sends each parameter once.`;
  }
  return null;
}
