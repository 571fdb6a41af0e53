import { randomUUID } from 'node:crypto';
import twilio from 'twilio';
import type { HttpMethod } from '../types';

export interface WebhookTarget {
  authToken: string;
  deliveryAddress: (publicUrl: string) => string;
}

export interface WebhookResponse {
  status: number;
  contentType: string;
  body: string;
}

// Twilio gives up on a webhook after 15 s; this is real time, not simulated, since the server answers in real time.
const WEBHOOK_TIMEOUT_MS = 15_000;

/**
 * Requests `url` as Twilio does: POST form-encoded (or GET with the parameters in the query), signed with
 * X-Twilio-Signature over the public URL, and delivered to `deliveryAddress(url)`.
 */
export async function sendSignedWebhook(
  target: WebhookTarget,
  url: string,
  method: HttpMethod,
  params: Record<string, string>,
  signal?: AbortSignal,
): Promise<WebhookResponse> {
  const timeout = AbortSignal.timeout(WEBHOOK_TIMEOUT_MS);
  const headers: Record<string, string> = {
    'user-agent': 'TwilioProxy/1.1',
    'i-twilio-idempotency-token': randomUUID(),
  };
  let signedUrl = url;
  let body: string | undefined;
  if (method === 'GET') {
    const withQuery = new URL(url);
    for (const [key, value] of Object.entries(params)) withQuery.searchParams.append(key, value);
    signedUrl = withQuery.toString();
    headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(target.authToken, signedUrl, {});
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(target.authToken, url, params);
    body = new URLSearchParams(params).toString();
  }
  const response = await fetch(target.deliveryAddress(signedUrl), {
    method,
    headers,
    body,
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}
