/** What a failed request to Twilio's REST API means for a job: whether sending it again can help, and why it failed. */
export interface TwilioRequestFailure {
  retryHelps: boolean;
  message: string;
}

/**
 * Twilio answered with an error: it did not act. A rate limit or an outage (429, 5xx) may pass; any other refusal
 * (a bad number, a permission) will not. No answer at all (a network error) may pass too.
 */
export function twilioRequestFailure(err: unknown): TwilioRequestFailure {
  const e = err as Error & { status?: unknown; code?: unknown };
  if (typeof e.status === 'number') {
    const code = typeof e.code === 'number' ? ` error ${e.code}` : '';
    return { retryHelps: e.status === 429 || e.status >= 500, message: `Twilio ${e.status}${code}: ${e.message}` };
  }
  return { retryHelps: true, message: `Could not reach Twilio: ${e?.message ?? String(err)}` };
}
