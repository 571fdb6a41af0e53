import twilio from 'twilio';
import { incomingSmsParams } from '../../support/twilioWebhooks';
import { incomingCallParams } from '../../support/voiceWebhooks';
import { BENCH_TWILIO } from './benchEnvironment';
import type { PreparedRequest } from './openLoop';

export const SMS_WEBHOOK = '/webhooks/twilio/sms';
export const VOICE_WEBHOOK = '/webhooks/twilio/voice';

/**
 * A distinct, valid US number per index (+1 415, then an exchange from 200 up), so every message of a run comes from
 * a new customer and opens a ticket of its own. Runs use separate index ranges (warm-up, measured) to stay apart.
 * Valid, as a real customer's number is: a number no country's plan knows (exchange 0xx, as these were before)
 * sends libphonenumber through every country sharing +1, several times the cost of placing a real one.
 */
export const benchPhone = (index: number) => {
  if (!Number.isInteger(index) || index < 0 || index >= 8_000_000) throw new RangeError(`no bench number ${index}`);
  return `+1415${2_000_000 + index}`;
};

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
