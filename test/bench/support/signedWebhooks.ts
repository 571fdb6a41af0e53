import twilio from 'twilio';
import { incomingSmsParams } from '../../support/twilioWebhooks';
import { incomingCallParams } from '../../support/voiceWebhooks';
import { BENCH_TWILIO } from './benchEnvironment';
import type { PreparedRequest } from './openLoop';

export const SMS_WEBHOOK = '/webhooks/twilio/sms';
export const VOICE_WEBHOOK = '/webhooks/twilio/voice';

/**
 * A distinct, possible US number per index (+1 415 then seven digits), so every message of a run comes from a new
 * customer and opens a ticket of its own. Runs use separate index ranges (warm-up, measured) to stay apart.
 */
export const benchPhone = (index: number) => `+1415${String(index).padStart(7, '0')}`;

/** An inbound SMS exactly as Twilio posts it (every parameter, signed for PUBLIC_URL), keyed by its MessageSid. */
export function signedSms(from: string, text = 'Hello, my order has not arrived'): PreparedRequest {
  const params = incomingSmsParams(from, BENCH_TWILIO.companyNumber, text);
  return prepare(SMS_WEBHOOK, params, params.MessageSid, from);
}

/** A new call coming in, exactly as Twilio posts it, keyed by its CallSid. */
export function signedIncomingCall(from: string): PreparedRequest {
  const params = incomingCallParams(from, BENCH_TWILIO.companyNumber);
  return prepare(VOICE_WEBHOOK, params, params.CallSid, from);
}

function prepare(path: string, params: Record<string, string>, key: string, from: string): PreparedRequest {
  return {
    path,
    key,
    from,
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(
        BENCH_TWILIO.authToken,
        BENCH_TWILIO.publicUrl + path,
        params,
      ),
    },
  };
}
