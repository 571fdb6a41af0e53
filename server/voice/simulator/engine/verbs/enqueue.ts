import type { SimContext } from '../../context';
import { Bridge } from '../../calls/bridge';
import { endCall } from '../../calls/callLifecycle';
import type { SimCall } from '../../calls/simCall';
import type { Dequeue, QueueMember, SimQueue } from '../../queues/simQueue';
import { methodAttr, type TwimlNode } from '../../twiml/twimlNode';
import type { HttpMethod } from '../../types';
import { callParams } from '../../webhooks/callParams';
import { requestIgnoringAnswer } from '../../webhooks/postCallback';
import { Interruption, resolveUrl } from '../instruction';
import { TWILIO_HOLD_MUSIC } from '../loopingDocument';
import { queueParams, runQueueWait } from '../queueWait';
import { CONTINUE, type VerbOutcome, type VerbScope } from '../verbScope';
import { playWhisper } from '../whisper';

type Action = { url: string; method: HttpMethod } | null;

/**
 * `<Enqueue>`: the call waits in the named queue, hearing the waitUrl, until it leaves: `<Leave>` (leave),
 * `<Hangup>` or the caller hanging up (hangup), a wait document error (error), a REST redirect (redirected), or
 * a `<Dial><Queue>` bridging it (bridged; the action is then requested when the bridge ends). The action gets
 * QueueResult, QueueSid and QueueTime, and what it answers runs next (unless the call has ended).
 */
export async function enqueue(scope: VerbScope, verb: TwimlNode): Promise<VerbOutcome> {
  const { ctx, call } = scope;
  const action: Action = verb.attrs.action
    ? { url: resolveUrl(verb.attrs.action, scope.documentUrl), method: methodAttr(verb, 'method') }
    : null;
  const waitUrl =
    verb.attrs.waitUrl === undefined
      ? TWILIO_HOLD_MUSIC
      : verb.attrs.waitUrl && resolveUrl(verb.attrs.waitUrl, scope.documentUrl);
  const queue = ctx.queues.getOrCreate(verb.text || verb.attrs.workflowSid);
  if (queue.members.length >= queue.maxSize) {
    call.note('enqueue', { text: queue.name, details: { queueSid: queue.sid, full: true } });
    return afterQueue(action, { QueueResult: 'queue-full' });
  }
  const member = queue.add(call);
  call.note('enqueue', { text: queue.name, details: { queueSid: queue.sid, position: queue.position(call) } });

  const stopWaiting = new AbortController();
  const waiting = runQueueWait(
    ctx,
    call,
    queue,
    member,
    waitUrl,
    methodAttr(verb, 'waitUrlMethod'),
    AbortSignal.any([scope.signal, stopWaiting.signal]),
  );
  waiting.catch(() => {});
  let left: 'leave' | 'hangup' | 'error' | Dequeue;
  try {
    left = await ctx.clock.abortable(Promise.race([waiting, member.dequeued.promise]), scope.signal);
  } catch (error) {
    const result = resultParams(
      queue,
      member,
      error instanceof Interruption && error.reason.kind === 'redirect' ? 'redirected' : 'hangup',
    );
    queue.remove(call);
    // A dialer that picked this call in the same instant is told the caller is gone.
    if (member.dequeued.settled)
      void member.dequeued.promise.then((d) => d.kind === 'bridged' && d.connected.resolve(null));
    if (error instanceof Interruption) await postAfterLeaving(ctx, call, action, result);
    throw error;
  } finally {
    stopWaiting.abort();
  }

  const outcome = typeof left === 'string' ? left : left.kind;
  const result = resultParams(queue, member, outcome);
  queue.remove(call);
  call.note('dequeue', { text: queue.name, details: { result: outcome } });
  if (left === 'hangup') {
    endCall(ctx, call, 'completed');
    await postAfterLeaving(ctx, call, action, result);
    return { kind: 'ended' };
  }
  if (left === 'leave' || left === 'error') return afterQueue(action, result);
  if (left.kind === 'redirected') {
    await postAfterLeaving(ctx, call, action, result);
    return { kind: 'next', to: left.to };
  }
  return stayBridged(scope, queue, member, left, action, result);
}

async function stayBridged(
  scope: VerbScope,
  queue: SimQueue,
  member: QueueMember,
  dequeue: Extract<Dequeue, { kind: 'bridged' }>,
  action: Action,
  result: Record<string, string>,
): Promise<VerbOutcome> {
  const { ctx, call } = scope;
  if (dequeue.whisper) {
    const extra = () => ({ ...queueParams(queue, member), DequeingCallSid: dequeue.by.sid });
    await playWhisper(ctx, call, dequeue.whisper.url, dequeue.whisper.method, extra, scope.signal).catch(
      (error: unknown) => {
        dequeue.connected.resolve(null);
        throw error;
      },
    );
  }
  if (!dequeue.by.isLive || dequeue.abandoned) {
    dequeue.connected.resolve(null);
    return afterQueue(action, result);
  }
  const bridge = new Bridge(dequeue.by, call);
  dequeue.connected.resolve(bridge);
  try {
    await ctx.clock.abortable(bridge.ended, scope.signal);
  } catch (error) {
    bridge.end(call);
    if (error instanceof Interruption)
      await postAfterLeaving(ctx, call, action, {
        ...result,
        QueueResult: error.reason.kind === 'redirect' ? 'redirected-from-bridged' : 'bridged',
      });
    throw error;
  }
  return afterQueue(action, result);
}

function resultParams(queue: SimQueue, member: QueueMember, queueResult: string): Record<string, string> {
  return { QueueResult: queueResult, QueueSid: queue.sid, QueueTime: String(queue.waitSeconds(member)) };
}

function afterQueue(action: Action, result: Record<string, string>): VerbOutcome {
  if (!action) return CONTINUE;
  return { kind: 'next', to: { kind: 'fetch', url: action.url, method: action.method, params: result } };
}

/** The action of a call that moved on (hung up, redirected): requested, its answer ignored. */
async function postAfterLeaving(ctx: SimContext, call: SimCall, action: Action, result: Record<string, string>) {
  if (action)
    await requestIgnoringAnswer(ctx, action.url, action.method, { ...callParams(ctx.accountSid, call), ...result });
}
