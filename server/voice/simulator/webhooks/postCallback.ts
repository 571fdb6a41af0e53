import type { SimContext } from '../context';
import type { HttpMethod } from '../types';
import { sendSignedWebhook } from './signedWebhook';

// Twilio reports events a moment after they happen, never inside the request that caused them.
const CALLBACK_DELAY_SECONDS = 0.2;

/**
 * Posts a callback whose answer Twilio ignores (status, recording, transcription, conference events, and
 * actions of calls that already ended), after a short delay and in order with the others of the same chain.
 */
export function postCallback(
  ctx: SimContext,
  chain: { callbackChain: Promise<void> },
  url: string,
  method: HttpMethod,
  params: Record<string, string>,
) {
  chain.callbackChain = chain.callbackChain
    .then(() => ctx.clock.sleep(CALLBACK_DELAY_SECONDS))
    .then(() => sendSignedWebhook(ctx.webhook, url, method, params))
    .then(
      () => {},
      () => {},
    );
  return chain.callbackChain;
}

/** Requests a URL now and ignores the answer (an action URL of a call that has moved on). */
export async function requestIgnoringAnswer(
  ctx: SimContext,
  url: string,
  method: HttpMethod,
  params: Record<string, string>,
) {
  if (ctx.clock.isClosed) return;
  await sendSignedWebhook(ctx.webhook, url, method, params).catch(() => {});
}
