import type { SimContext } from '../context';
import type { SimCall } from '../calls/simCall';
import type { QueueMember, SimQueue } from '../queues/simQueue';
import type { HttpMethod } from '../types';
import { ApplicationError } from './applicationError';
import { executeVerbs } from './executeVerbs';
import type { Instruction } from './instruction';
import { loadDocument } from './loadDocument';
import { isTwilioHoldMusic, waitOutLoop } from './loopingDocument';

/** The parameters Twilio adds to requests about a queued call. */
export function queueParams(queue: SimQueue, member: QueueMember): Record<string, string> {
  return {
    QueueSid: queue.sid,
    QueuePosition: String(queue.position(member.call)),
    QueueTime: String(queue.waitSeconds(member)),
    AvgQueueTime: String(queue.averageWaitSeconds()),
    CurrentQueueSize: String(queue.members.length),
  };
}

/**
 * Runs the `<Enqueue>` waitUrl while the call waits: the document (and whatever its Redirect or Gather action
 * leads to) runs in wait context, and is requested again when it ends. Settles only when the call leaves by its
 * own doing: `<Leave>`, `<Hangup>`, or an error in the wait document.
 */
export async function runQueueWait(
  ctx: SimContext,
  call: SimCall,
  queue: SimQueue,
  member: QueueMember,
  waitUrl: string,
  waitMethod: HttpMethod,
  signal: AbortSignal,
): Promise<'leave' | 'hangup' | 'error'> {
  if (!waitUrl || isTwilioHoldMusic(waitUrl)) {
    if (waitUrl) call.note('play', { url: waitUrl, details: { loop: 0 } });
    await ctx.clock.sleep(Infinity, signal);
  }
  const extraParams = () => queueParams(queue, member);
  const waitDocument: Instruction = { kind: 'fetch', url: waitUrl, method: waitMethod };
  let next: Instruction = waitDocument;
  for (;;) {
    const started = Date.now();
    let answersInput: boolean;
    try {
      const doc = await loadDocument(
        ctx,
        call,
        next as Extract<Instruction, { kind: 'fetch' | 'twiml' }>,
        'queue-wait',
        signal,
        extraParams(),
      );
      const outcome = await executeVerbs(
        { ctx, call, signal, documentUrl: doc.url, context: 'queue-wait', extraParams },
        doc.verbs,
      );
      if (outcome.kind === 'leave' || outcome.kind === 'hangup') return outcome.kind;
      next = outcome.kind === 'next' ? outcome.to : waitDocument;
      answersInput = outcome.kind === 'next' && !!outcome.answersInput;
    } catch (error) {
      if (!(error instanceof ApplicationError)) throw error;
      call.note('error', { text: error.message, details: { code: error.code, url: error.url } });
      return 'error';
    }
    // A document that ends (or redirects) at once must not make the call spin; an answer to a key press is not held back.
    if (!answersInput) await waitOutLoop(ctx, started, signal);
  }
}
