import type { SimContext } from '../context';
import { finishRecording } from '../recordings/recordingCallbacks';
import type { CallStatus } from '../types';
import type { SimCall } from './simCall';
import { reportStatus } from './statusReporter';

/** The call is picked up: in progress from now, reported as `answered`. */
export function answerCall(ctx: SimContext, call: SimCall) {
  if (!call.isLive || call.answeredAt !== null) return;
  call.status = 'in-progress';
  call.answeredAt = Date.now();
  call.note('status', { text: 'in-progress' });
  reportStatus(ctx, call, 'answered');
}

/**
 * Ends the leg with its final status: whatever it was doing is interrupted (its verb cleans up: leaves a queue,
 * a conference, posts an action), a bridge it was in ends, its call recording completes, `completed` is reported.
 */
export function endCall(ctx: SimContext, call: SimCall, status: CallStatus) {
  if (!call.isLive) return;
  call.status = status;
  call.endedAt = Date.now();
  call.awaiting = null;
  call.listener = null;
  call.note('status', { text: status });
  call.interrupt({ kind: 'hangup' });
  call.bridge?.end(call);
  if (call.callRecordingSid) {
    const recording = ctx.recordings.get(call.callRecordingSid);
    if (recording) finishRecording(ctx, recording);
  }
  reportStatus(ctx, call, 'completed');
}

/** The final status when the simulated party or the API hangs up: a call never answered was canceled. */
export function hangupStatus(call: SimCall): CallStatus {
  return call.answeredAt === null ? 'canceled' : 'completed';
}
