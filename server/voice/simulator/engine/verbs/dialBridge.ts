import type { Bridge } from '../../calls/bridge';
import { callParams } from '../../webhooks/callParams';
import { requestIgnoringAnswer } from '../../webhooks/postCallback';
import { Interruption } from '../instruction';
import type { VerbOutcome, VerbScope } from '../verbScope';
import { afterDial, dialResultParams, type DialOptions, type DialResult } from './dialOptions';
import { startDialRecording } from './dialRecording';

/**
 * The dialling call talks with the other leg until the bridge ends. When the other leg leaves, the Dial is
 * completed and its action runs; when the dialling call itself hangs up, the action is still requested.
 * (A Dial's child leg hangs up by itself when the bridge ends; a dequeued caller goes on with its Enqueue.)
 */
export async function stayConnected(scope: VerbScope, options: DialOptions, bridge: Bridge): Promise<VerbOutcome> {
  const { ctx, call } = scope;
  const other = bridge.other(call);
  const recording = startDialRecording(ctx, options, call, other);
  const result = (): DialResult => ({
    status: 'completed',
    dialCallSid: other.sid,
    durationSeconds: ctx.clock.secondsBetween(bridge.startedAt),
    recording: recording?.stop(),
  });
  try {
    await ctx.clock.abortable(bridge.ended, scope.signal);
  } catch (error) {
    bridge.end(call);
    const ended = result();
    if (error instanceof Interruption && error.reason.kind === 'hangup' && options.action)
      await requestIgnoringAnswer(ctx, options.action.url, options.action.method, {
        ...callParams(ctx.accountSid, call),
        ...dialResultParams(ended),
      });
    throw error;
  }
  return afterDial(options, result());
}
