import type { SimContext } from '../context';
import { deferred } from '../simClock';
import type { RingDecision, SimCall } from './simCall';
import { reportStatus } from './statusReporter';

// How long an automatic endpoint takes to pick up, report busy, or fail, in simulated seconds.
const ANSWER_AFTER = 2;
const BUSY_AFTER = 1;
const FAIL_AFTER = 0.5;

/**
 * Rings the callee of an outgoing leg (`initiated`, then `ringing`) until its endpoint's behaviour or the
 * simulated party decides, or `timeoutSeconds` pass (no-answer). Rejects with the signal's reason if cancelled.
 */
export async function ring(
  ctx: SimContext,
  call: SimCall,
  timeoutSeconds: number,
  signal: AbortSignal,
): Promise<RingDecision> {
  reportStatus(ctx, call, 'initiated');
  const behaviour = ctx.endpoints.behaviour(call.to);
  if (behaviour === 'failed') {
    await ctx.clock.sleep(FAIL_AFTER, signal);
    return 'failed';
  }
  call.status = 'ringing';
  call.note('status', { text: 'ringing' });
  reportStatus(ctx, call, 'ringing');
  const decision = deferred<RingDecision>();
  call.ringDecision = decision;
  const timers = new AbortController();
  const timersSignal = AbortSignal.any([signal, timers.signal]);
  const decideAfter = (seconds: number, outcome: RingDecision) =>
    ctx.clock.sleep(seconds, timersSignal).then(
      () => decision.resolve(outcome),
      () => {},
    );
  if (behaviour === 'answer') void decideAfter(Math.min(ANSWER_AFTER, timeoutSeconds), 'answered');
  if (behaviour === 'busy') void decideAfter(BUSY_AFTER, 'busy');
  void decideAfter(timeoutSeconds, 'no-answer');
  try {
    return await ctx.clock.abortable(decision.promise, signal);
  } finally {
    timers.abort();
    call.ringDecision = null;
  }
}
