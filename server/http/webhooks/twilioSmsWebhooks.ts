import express from 'express';
import twilio from 'twilio';
import { z } from 'zod';
import { InvalidWebhookError } from '../../../channels/sms/parseInboundSms';
import type { AppContext } from '../../context';
import { applySmsStatus } from '../../sms/applySmsStatus';
import { receiveSms } from '../../sms/receiveSms';
import { sendTwiml } from './sendTwiml';
import { requireTwilioSignature } from './twilioSignature';

/**
 * Twilio's SMS webhooks, mounted at /webhooks/twilio: form-encoded, signature-checked, answered with TwiML
 * as soon as the contact is stored.
 */
// We answer texts from the console, never in the webhook's own response.
const NO_REPLY = new twilio.twiml.MessagingResponse().toString();

export function twilioSmsWebhooks(ctx: AppContext) {
  const router = express.Router();
  // Per route, not router.use: mounted at /webhooks/twilio, a router-wide check would also run on the voice
  // webhooks below it, and check their signature against parameters already made storable.
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const signed = requireTwilioSignature(ctx);

  router.post('/sms', form, signed, async (req, res) => {
    try {
      await receiveSms(ctx, req.body);
    } catch (err) {
      if (err instanceof InvalidWebhookError) {
        res.status(400).type('text').send(err.message);
        return;
      }
      throw err;
    }
    sendTwiml(res, NO_REPLY);
  });

  router.post('/sms/status', form, signed, async (req, res) => {
    const messageId = z.uuid().safeParse(req.query.messageId);
    const round = z.coerce.number().int().min(0).safeParse(req.query.round);
    const { MessageSid, MessageStatus, ErrorCode } = req.body as Record<string, string | undefined>;
    if (!MessageSid || !MessageStatus) {
      res.status(400).type('text').send('MessageSid and MessageStatus are required.');
      return;
    }
    await applySmsStatus(ctx, {
      messageSid: MessageSid,
      messageStatus: MessageStatus,
      errorCode: ErrorCode || undefined,
      messageId: messageId.success ? messageId.data : undefined,
      round: messageId.success && round.success ? round.data : undefined,
    });
    res.status(204).end();
  });
  return router;
}
