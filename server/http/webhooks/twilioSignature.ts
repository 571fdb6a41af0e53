import type { RequestHandler } from 'express';
import twilio from 'twilio';
import type { AppContext } from '../../context';

/**
 * Refuses (403, nothing stored) a webhook whose X-Twilio-Signature does not match the public URL it was sent to
 * and every parameter it carries, under our auth token. The public URL is PUBLIC_URL, so it holds behind a proxy.
 */
export function requireTwilioSignature(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    const signature = req.get('x-twilio-signature');
    const url = ctx.config.PUBLIC_URL + req.originalUrl;
    if (!signature || !twilio.validateRequest(ctx.sms.authToken, signature, url, req.body ?? {})) {
      res.status(403).type('text').send(signature ? 'Invalid Twilio signature.' : 'Missing X-Twilio-Signature.');
      return;
    }
    next();
  };
}
