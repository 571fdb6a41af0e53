import { Bridge } from '../../calls/bridge';
import { answerCall, endCall } from '../../calls/callLifecycle';
import { isEndpointAddress } from '../../calls/endpointDirectory';
import { ring } from '../../calls/ringing';
import type { RingDecision, StatusCallbackConfig, StatusEvent } from '../../calls/simCall';
import { deferred, SimulatorStopped } from '../../simClock';
import { newSid } from '../../sids';
import { listAttr, methodAttr, type TwimlNode } from '../../twiml/twimlNode';
import type { HttpMethod } from '../../types';
import { startRunner } from '../callRunner';
import { resolveUrl } from '../instruction';
import type { VerbOutcome, VerbScope } from '../verbScope';
import { playWhisper } from '../whisper';
import { stayConnected } from './dialBridge';
import { afterDial, type DialOptions, type DialResult } from './dialOptions';

interface DialTarget {
  address: string;
  whisper: { url: string; method: HttpMethod } | null;
  statusCallback: StatusCallbackConfig | null;
}

/**
 * `<Dial>` to numbers and clients: a child leg (outbound-dial, ParentCallSid) rings each at once; the first to
 * answer is connected (the others are cancelled), after its `url` whisper if any. Nobody answering by the
 * timeout is no-answer; every leg busy is busy; every leg failing is failed.
 */
export async function dialEndpoints(scope: VerbScope, verb: TwimlNode, options: DialOptions): Promise<VerbOutcome> {
  const { ctx, call: parent } = scope;
  const targets = dialTargets(verb, scope.documentUrl);
  const legs = targets.map((target) => ({
    target,
    call: ctx.calls.create({
      sid: newSid('CA'),
      from: options.callerId ?? parent.from,
      to: target.address,
      direction: 'outbound-dial',
      status: 'queued',
      parentCallSid: parent.sid,
      statusCallback: target.statusCallback,
    }),
  }));
  parent.note('dial', {
    text: targets.map((t) => t.address).join(', '),
    details: { callSids: legs.map((l) => l.call.sid), timeout: options.timeout },
  });

  const winner = deferred<(typeof legs)[number] | null>();
  const outcomes: RingDecision[] = [];
  let ringing = legs.length;
  const lost = (decision: RingDecision) => {
    outcomes.push(decision);
    if (--ringing === 0) winner.resolve(null);
  };
  for (const leg of legs) {
    const signal = leg.call.newActivity();
    const decided: Promise<RingDecision> = isEndpointAddress(leg.call.to)
      ? ring(ctx, leg.call, options.timeout, signal)
      : Promise.resolve('failed');
    decided.then(
      (decision) => {
        if (decision === 'answered' && !winner.settled) return winner.resolve(leg);
        endCall(ctx, leg.call, decision === 'answered' ? 'canceled' : decision);
        lost(decision);
      },
      () => lost('no-answer'),
    );
  }

  let answered: (typeof legs)[number] | null;
  try {
    answered = await ctx.clock.abortable(winner.promise, scope.signal);
  } catch (error) {
    for (const leg of legs) endCall(ctx, leg.call, 'canceled');
    throw error;
  }
  if (!answered) return afterDial(options, { status: overallStatus(outcomes), dialCallSid: legs[0].call.sid });
  for (const leg of legs) if (leg !== answered) endCall(ctx, leg.call, 'canceled');
  const callee = answered.call;
  answerCall(ctx, callee);
  if (answered.target.whisper) {
    try {
      await playWhisper(
        ctx,
        callee,
        answered.target.whisper.url,
        answered.target.whisper.method,
        () => ({}),
        AbortSignal.any([scope.signal, callee.signal]),
      );
    } catch (error) {
      // The callee hanging up during its whisper ends only the Dial; the caller moving on hangs up the callee.
      if (!scope.signal.aborted && !(error instanceof SimulatorStopped))
        return afterDial(options, { status: 'completed', dialCallSid: callee.sid, durationSeconds: 0 });
      endCall(ctx, callee, 'completed');
      throw error;
    }
  }
  if (!callee.isLive) return afterDial(options, { status: 'completed', dialCallSid: callee.sid, durationSeconds: 0 });
  if (options.answerOnBridge) answerCall(ctx, parent);
  const bridge = new Bridge(parent, callee);
  startRunner(ctx, callee, { kind: 'bridged-leg' });
  return stayConnected(scope, options, bridge);
}

function overallStatus(outcomes: RingDecision[]): DialResult['status'] {
  if (outcomes.length && outcomes.every((o) => o === 'busy')) return 'busy';
  if (outcomes.length && outcomes.every((o) => o === 'failed')) return 'failed';
  return 'no-answer';
}

function dialTargets(verb: TwimlNode, documentUrl: string | null): DialTarget[] {
  if (verb.text) return [{ address: verb.text, whisper: null, statusCallback: null }];
  return verb.children.map((noun) => {
    const identity =
      noun.name === 'Client' ? (noun.children.find((c) => c.name === 'Identity')?.text ?? noun.text) : null;
    return {
      address: identity !== null ? `client:${identity}` : noun.text,
      whisper: noun.attrs.url
        ? { url: resolveUrl(noun.attrs.url, documentUrl), method: methodAttr(noun, 'method') }
        : null,
      statusCallback: nounStatusCallback(noun, documentUrl),
    };
  });
}

function nounStatusCallback(noun: TwimlNode, documentUrl: string | null): StatusCallbackConfig | null {
  if (!noun.attrs.statusCallback) return null;
  const events = listAttr(noun, 'statusCallbackEvent') as StatusEvent[];
  return {
    url: resolveUrl(noun.attrs.statusCallback, documentUrl),
    method: methodAttr(noun, 'statusCallbackMethod'),
    events: new Set(events.length ? events : ['completed']),
  };
}
