import { randomBytes } from 'node:crypto';
import twilio from 'twilio';

/** A new MessageSid, as Twilio makes them. */
export const aMessageSid = () => `SM${randomBytes(16).toString('hex')}`;

/** The parameters Twilio posts for an incoming SMS, including the many the app does not read. */
export function incomingSmsParams(
  from: string,
  to: string,
  body: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const sid = aMessageSid();
  return {
    ToCountry: 'US',
    ToState: 'CA',
    SmsMessageSid: sid,
    NumMedia: '0',
    ToCity: 'SAN FRANCISCO',
    FromZip: '94105',
    SmsSid: sid,
    FromState: 'CA',
    SmsStatus: 'received',
    FromCity: 'SAN FRANCISCO',
    Body: body,
    FromCountry: 'US',
    To: to,
    ToZip: '94105',
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    ApiVersion: '2010-04-01',
    ...extra,
  };
}

/**
 * Posts a webhook to `baseUrl + path` exactly as Twilio does: form-encoded, with X-Twilio-Signature over
 * `signedUrl` (the public URL) and every parameter. `signature: null` sends none; a string sends that one.
 */
export async function postTwilioWebhook(
  baseUrl: string,
  path: string,
  params: Record<string, string>,
  sign: { authToken: string; publicUrl: string; signature?: string | null },
) {
  const signature =
    sign.signature === undefined
      ? twilio.getExpectedTwilioSignature(sign.authToken, sign.publicUrl + path, params)
      : sign.signature;
  return fetch(baseUrl + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature ? { 'x-twilio-signature': signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}
