import { endCall } from '../../calls/callLifecycle';
import { methodAttr, type TwimlNode } from '../../twiml/twimlNode';
import { resolveUrl } from '../instruction';
import type { VerbOutcome, VerbScope } from '../verbScope';

/** `<Redirect>`: the call runs the document at the URL instead of the rest of this one. */
export async function redirect({ call, documentUrl }: VerbScope, verb: TwimlNode): Promise<VerbOutcome> {
  const url = resolveUrl(verb.text, documentUrl);
  call.note('redirect', { url });
  return { kind: 'next', to: { kind: 'fetch', url, method: methodAttr(verb, 'method') } };
}

/** `<Hangup>`. */
export async function hangup({ call }: VerbScope): Promise<VerbOutcome> {
  call.note('hangup', { details: { by: 'twiml' } });
  return { kind: 'hangup' };
}

/** `<Leave>` (wait documents only): the call leaves its queue. */
export async function leave(): Promise<VerbOutcome> {
  return { kind: 'leave' };
}

/** `<Reject>`: an unanswered call ends busy (reason="busy") or no-answer, never picked up; an answered one ends. */
export async function reject({ ctx, call }: VerbScope, verb: TwimlNode): Promise<VerbOutcome> {
  const reason = verb.attrs.reason === 'busy' ? 'busy' : 'rejected';
  call.note('reject', { details: { reason } });
  endCall(ctx, call, call.answeredAt !== null ? 'completed' : reason === 'busy' ? 'busy' : 'no-answer');
  return { kind: 'ended' };
}
