import type { RequestHandler } from 'express';
import { voicePaths } from '../voice/voiceUrls';
import { webhookSeconds } from './metrics';

const TWILIO_BASE = '/webhooks/twilio/';
const SMS_PATHS = ['/webhooks/twilio/sms', '/webhooks/twilio/sms/status'];

// Route labels come from the paths we serve, never from the request, so a scanner cannot create series.
const routeByPath = new Map<string, string>(
  [...SMS_PATHS, ...Object.values(voicePaths)].map((p) => [p, p.slice(TWILIO_BASE.length).replaceAll('/', '-')]),
);

/** Times every request under /webhooks into switchboard_webhook_duration_seconds{route,status}. */
export function webhookLatency(): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routeByPath.get(req.originalUrl.split('?')[0].replace(/\/+$/, '')) ?? 'other';
      webhookSeconds.observe(
        { route, status: String(res.statusCode) },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  };
}
