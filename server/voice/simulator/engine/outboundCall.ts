import type { SimContext } from '../context';
import { answerCall, endCall } from '../calls/callLifecycle';
import { ring } from '../calls/ringing';
import type { SimCall } from '../calls/simCall';
import { reportRecordingStarted } from '../recordings/recordingCallbacks';
import type { RecordingCallback } from '../recordings/recordingStore';
import { startRunner } from './callRunner';

/**
 * A call placed with the REST API: it rings its endpoint; once answered (recorded from then on, when asked) it
 * runs its Url or Twiml; otherwise it ends busy, no-answer or failed. A cancel while ringing ends it canceled.
 */
export async function runOutboundCall(
  ctx: SimContext,
  call: SimCall,
  timeoutSeconds: number,
  recording: { callback: RecordingCallback | null } | null,
) {
  let decision;
  try {
    decision = await ring(ctx, call, timeoutSeconds, call.newActivity());
  } catch {
    return; // cancelled (the call already ended) or the simulator closed
  }
  if (decision !== 'answered') return endCall(ctx, call, decision);
  answerCall(ctx, call);
  if (recording) {
    const started = ctx.recordings.start({
      callSid: call.sid,
      source: 'OutboundAPI',
      channels: 2,
      callback: recording.callback,
    });
    call.callRecordingSid = started.sid;
    call.activeRecordings.add(started.sid);
    reportRecordingStarted(ctx, started);
  }
  if (call.answerInstruction) startRunner(ctx, call, call.answerInstruction);
}
