import type { Bridge } from '../../calls/bridge';
import { deferred } from '../../simClock';
import { methodAttr, type TwimlNode } from '../../twiml/twimlNode';
import { resolveUrl } from '../instruction';
import type { VerbOutcome, VerbScope } from '../verbScope';
import { stayConnected } from './dialBridge';
import { afterDial, type DialOptions } from './dialOptions';

/**
 * `<Dial><Queue>`: connects with the queue's first caller (after the `url` whisper plays to that caller). An
 * empty queue is waited on until the Dial timeout (no-answer); a queue that does not exist fails the Dial.
 */
export async function dialQueue(scope: VerbScope, options: DialOptions, noun: TwimlNode): Promise<VerbOutcome> {
  const { ctx, call } = scope;
  const queue = ctx.queues.byFriendlyName(noun.text);
  call.note('dial', { text: `queue ${noun.text}`, details: { queueSid: queue?.sid ?? null } });
  if (!queue) return afterDial(options, { status: 'failed' });
  const patience = new AbortController();
  const waited = AbortSignal.any([scope.signal, patience.signal]);
  ctx.clock.sleep(options.timeout, waited).then(
    () => patience.abort(),
    () => {},
  );
  let member = queue.members.find((m) => !m.dequeued.settled);
  try {
    while (!member) {
      await ctx.clock.abortable(queue.nextArrival(), waited);
      member = queue.members.find((m) => !m.dequeued.settled);
    }
  } catch (error) {
    if (patience.signal.aborted && !scope.signal.aborted) return afterDial(options, { status: 'no-answer' });
    throw error;
  } finally {
    patience.abort();
  }
  const connected = deferred<Bridge | null>();
  const whisper = noun.attrs.url
    ? { url: resolveUrl(noun.attrs.url, scope.documentUrl), method: methodAttr(noun, 'method') }
    : null;
  const dequeue = { kind: 'bridged' as const, by: call, whisper, connected, abandoned: false };
  member.dequeued.resolve(dequeue);
  let bridge: Bridge | null;
  try {
    bridge = await ctx.clock.abortable(connected.promise, scope.signal);
  } catch (error) {
    dequeue.abandoned = true;
    throw error;
  }
  if (!bridge) return afterDial(options, { status: 'canceled', dialCallSid: member.call.sid });
  return stayConnected(scope, options, bridge);
}
