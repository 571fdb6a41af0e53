import type { SimContext } from '../context';
import { answerCall, endCall } from '../calls/callLifecycle';
import type { SimCall } from '../calls/simCall';
import { SimulatorStopped } from '../simClock';
import { ApplicationError } from './applicationError';
import { executeVerbs } from './executeVerbs';
import { Interruption, type Instruction } from './instruction';
import { loadDocument } from './loadDocument';

/** Starts running TwiML on the call (in the background) from `first` until the call ends. */
export function startRunner(ctx: SimContext, call: SimCall, first: Instruction) {
  call.runnerActive = true;
  run(ctx, call, first)
    .catch((error) => failCall(ctx, call, new ApplicationError(`simulator fault: ${(error as Error).message}`, 0)))
    .finally(() => {
      call.runnerActive = false;
    });
}

/** Sends a live call to another document, interrupting whatever it is doing (the REST API's redirect). */
export function redirectCall(ctx: SimContext, call: SimCall, to: Instruction) {
  if (call.runnerActive) call.interrupt({ kind: 'redirect', to });
  else startRunner(ctx, call, to);
}

async function run(ctx: SimContext, call: SimCall, first: Instruction) {
  let next: Instruction | null = first;
  while (next && call.isLive) {
    const signal = call.newActivity();
    try {
      next = await runOne(ctx, call, next, signal);
    } catch (error) {
      if (error instanceof SimulatorStopped) return;
      if (error instanceof Interruption) {
        if (call.isLive && !call.pendingRedirect)
          throw new Error(`interrupted by another leg: ${error.message}`, { cause: error });
        next = call.isLive ? call.pendingRedirect : null;
        call.pendingRedirect = null;
        continue;
      }
      if (error instanceof ApplicationError) return failCall(ctx, call, error);
      throw error;
    }
  }
}

async function runOne(
  ctx: SimContext,
  call: SimCall,
  instruction: Instruction,
  signal: AbortSignal,
): Promise<Instruction | null> {
  if (instruction.kind === 'bridged-leg') {
    await stayInBridge(ctx, call, signal);
    return null;
  }
  const doc = await loadDocument(ctx, call, instruction, 'call', signal);
  const outcome = await executeVerbs({ ctx, call, signal, documentUrl: doc.url, context: 'call' }, doc.verbs);
  if (outcome.kind === 'next') return outcome.to;
  // The document ran out, or said <Hangup/>: Twilio hangs up.
  if (outcome.kind !== 'ended') endCall(ctx, call, 'completed');
  return null;
}

/** A Dial's answered child leg: it stays connected until the bridge ends, then hangs up (unless redirected). */
async function stayInBridge(ctx: SimContext, call: SimCall, signal: AbortSignal) {
  const bridge = call.bridge;
  if (bridge) {
    try {
      await ctx.clock.abortable(bridge.ended, signal);
    } catch (error) {
      bridge.end(call);
      throw error;
    }
  }
  endCall(ctx, call, 'completed');
}

/** Twilio's answer to a document it cannot run: it picks up, apologises and hangs up. */
function failCall(ctx: SimContext, call: SimCall, error: ApplicationError) {
  if (!call.isLive) return;
  call.note('error', { text: error.message, details: { code: error.code, url: error.url } });
  if (call.direction === 'inbound') answerCall(ctx, call);
  call.note('say', { text: 'We are sorry, an application error has occurred. Goodbye.' });
  endCall(ctx, call, 'completed');
}
