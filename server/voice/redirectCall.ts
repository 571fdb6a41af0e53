import type { AppContext } from '../context';

/** Twilio's answer for a call that is no longer live: 21220 "Call is not in-progress. Cannot redirect.", or 20404. */
function callIsGone(err: unknown) {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 21220 || code === 20404;
}

/**
 * Points a live call at new TwiML. Returns false when Twilio says the call has already ended: the customer hung up a
 * moment before, and their own status callback settles the call. Any other refusal is thrown.
 */
export async function redirectCall(ctx: Pick<AppContext, 'voice'>, callSid: string, url: string): Promise<boolean> {
  try {
    await ctx.voice.client.calls(callSid).update({ url, method: 'POST' });
    return true;
  } catch (err) {
    if (callIsGone(err)) return false;
    throw err;
  }
}
