import { endCall } from '../../calls/callLifecycle';
import type { RecordingFinish } from '../../calls/simCall';
import { postTranscription, finishRecording } from '../../recordings/recordingCallbacks';
import type { RecordingCallback } from '../../recordings/recordingStore';
import { deferred } from '../../simClock';
import { boolAttr, intAttr, listAttr, methodAttr, type TwimlNode } from '../../twiml/twimlNode';
import { callParams } from '../../webhooks/callParams';
import { requestIgnoringAnswer } from '../../webhooks/postCallback';
import { resolveUrl } from '../instruction';
import { CONTINUE, type VerbOutcome, type VerbScope } from '../verbScope';
import { speechSeconds } from './media';

/**
 * `<Record>`: after the beep the simulated party speaks a text (or stays silent until the timeout, which records
 * nothing and goes on with the next verb). The recording takes as long as the speech, capped at maxLength; then
 * the action gets RecordingUrl/RecordingSid/RecordingDuration/Digits, the recording status callback and the
 * transcription follow. A party that hangs up still has its message posted (Digits=hangup).
 */
export async function record(scope: VerbScope, verb: TwimlNode): Promise<VerbOutcome> {
  const { ctx, call } = scope;
  const actionUrl = verb.attrs.action ? resolveUrl(verb.attrs.action, scope.documentUrl) : scope.documentUrl;
  const method = methodAttr(verb, 'method');
  const timeout = intAttr(verb, 'timeout', 5);
  const finishOnKey = verb.attrs.finishOnKey ?? '1234567890*#';
  const maxLength = intAttr(verb, 'maxLength', 3600);
  const transcribe = boolAttr(verb, 'transcribe', false) || !!verb.attrs.transcribeCallback;
  const transcribeCallback = verb.attrs.transcribeCallback
    ? resolveUrl(verb.attrs.transcribeCallback, scope.documentUrl)
    : null;
  const callback: RecordingCallback | null = verb.attrs.recordingStatusCallback
    ? {
        url: resolveUrl(verb.attrs.recordingStatusCallback, scope.documentUrl),
        method: methodAttr(verb, 'recordingStatusCallbackMethod'),
        events: new Set(
          listAttr(verb, 'recordingStatusCallbackEvent').length
            ? listAttr(verb, 'recordingStatusCallbackEvent')
            : ['completed'],
        ),
      }
    : null;

  const spoken = deferred<{ text: string; finish: RecordingFinish }>();
  call.awaiting = { kind: 'record', maxLength, finishOnKey, transcribe };
  call.listener = {
    recording: (text, finish) => spoken.resolve({ text, finish }),
    speech: (text) => spoken.resolve({ text, finish: { by: 'silence' } }),
    digit: (key) => {
      if (finishOnKey.includes(key)) spoken.resolve({ text: '', finish: { by: 'key', key } });
    },
  };
  if (boolAttr(verb, 'playBeep', true)) call.note('play', { url: 'beep' });
  call.note('record', { details: { maxLength, finishOnKey, transcribe } });
  const silence = new AbortController();
  ctx.clock.sleep(timeout, AbortSignal.any([scope.signal, silence.signal])).then(
    () => spoken.resolve({ text: '', finish: { by: 'silence' } }),
    () => {},
  );

  let message: { text: string; finish: RecordingFinish };
  try {
    message = await ctx.clock.abortable(spoken.promise, scope.signal);
  } finally {
    silence.abort();
    call.listener = null;
    call.awaiting = null;
    call.touch();
  }
  if (!message.text.trim()) return CONTINUE;

  const seconds = Math.min(maxLength, Math.round(speechSeconds(message.text)));
  const recording = ctx.recordings.start({ callSid: call.sid, source: 'RecordVerb', callback, fixedSeconds: seconds });
  ctx.recordings.addLine(recording.sid, message.text);
  const hangsUp = message.finish.by === 'hangup';
  // The party speaks for the length of the message (then Twilio waits out the silence when no key ends it).
  await ctx.clock.sleep(seconds + (message.finish.by === 'silence' ? timeout : 0), hangsUp ? undefined : scope.signal);
  finishRecording(ctx, recording);
  call.note('recorded', { text: message.text, details: { recordingSid: recording.sid, duration: seconds } });
  if (transcribe && transcribeCallback) postTranscription(ctx, call, recording, transcribeCallback);

  const digits =
    message.finish.by === 'hangup'
      ? 'hangup'
      : message.finish.by === 'key'
        ? (message.finish.key ?? defaultKey(finishOnKey))
        : undefined;
  const params: Record<string, string> = {
    ...scope.extraParams?.(),
    RecordingUrl: recording.url,
    RecordingSid: recording.sid,
    RecordingDuration: String(seconds),
    ...(digits !== undefined ? { Digits: digits } : {}),
  };
  if (hangsUp) {
    call.note('hangup', { details: { by: 'caller' } });
    endCall(ctx, call, 'completed');
    if (actionUrl)
      await requestIgnoringAnswer(ctx, actionUrl, method, { ...callParams(ctx.accountSid, call), ...params });
    return { kind: 'ended' };
  }
  if (!actionUrl) return CONTINUE;
  return { kind: 'next', to: { kind: 'fetch', url: actionUrl, method, params } };
}

function defaultKey(finishOnKey: string) {
  return finishOnKey.includes('#') ? '#' : (finishOnKey[0] ?? '#');
}
