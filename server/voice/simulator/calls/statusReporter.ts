import type { SimContext } from '../context';
import { postCallback } from '../webhooks/postCallback';
import { callParams, twilioDate } from '../webhooks/callParams';
import { callDurationSecondsOf } from './callDuration';
import type { SimCall, StatusEvent } from './simCall';

const SIP_RESPONSE: Record<string, string> = {
  completed: '200',
  busy: '486',
  'no-answer': '487',
  canceled: '487',
  failed: '404',
};

/** Posts the call-progress event to the call's statusCallback when it asked for that event. */
export function reportStatus(ctx: SimContext, call: SimCall, event: StatusEvent) {
  const callback = call.statusCallback;
  if (!callback || !callback.events.has(event)) return;
  const params: Record<string, string> = {
    ...callParams(ctx.accountSid, call),
    CallStatus:
      event === 'initiated'
        ? 'initiated'
        : event === 'ringing'
          ? 'ringing'
          : event === 'answered'
            ? 'in-progress'
            : call.status,
    CallbackSource: 'call-progress-events',
    Timestamp: twilioDate(Date.now()),
    SequenceNumber: String(call.callbackSequence++),
  };
  if (event === 'completed') {
    const seconds = callDurationSeconds(ctx, call);
    params.CallDuration = String(seconds);
    params.Duration = String(Math.ceil(seconds / 60));
    params.SipResponseCode = SIP_RESPONSE[call.status] ?? '200';
    const recording = call.callRecordingSid ? ctx.recordings.get(call.callRecordingSid) : undefined;
    if (recording)
      Object.assign(params, {
        RecordingSid: recording.sid,
        RecordingUrl: recording.url,
        RecordingDuration: String(ctx.recordings.durationSeconds(recording)),
      });
  }
  void postCallback(ctx, call, callback.url, callback.method, params);
}

/** Simulated seconds from answer to end (0 for a call never answered). */
export function callDurationSeconds(ctx: SimContext, call: SimCall) {
  return callDurationSecondsOf(call, ctx.clock.timeScale);
}
