import type { AppContext } from '../context';

const LIVE = ['queued', 'initiated', 'ringing', 'in-progress'];

/**
 * Ends one of our calls at Twilio (an agent's leg, or a customer's call we placed), whatever state it is in.
 *
 * Twilio's Call update takes `canceled` or `completed`: `canceled` hangs up a call still queued or ringing and,
 * as documented, does not affect one already in progress (no error: the call simply carries on); `completed` hangs
 * up a call even once it is in progress. Our record of an answer arrives by webhook and can trail Twilio's by a
 * moment, so a call we believe is ringing may already be talking: it is canceled first (so one that never rang
 * through ends `canceled`), and completed when Twilio still reports it live, or refused the cancel.
 * Errors from the final request are the caller's to swallow or log (a call already gone answers 404).
 */
export async function endTwilioCall(
  ctx: Pick<AppContext, 'voice'>,
  callSid: string,
  knownAnswered = false,
): Promise<void> {
  const call = ctx.voice.client.calls(callSid);
  if (!knownAnswered) {
    const canceled = await call.update({ status: 'canceled' }).catch(() => null);
    if (canceled && !LIVE.includes(canceled.status)) return;
  }
  await call.update({ status: 'completed' });
}
