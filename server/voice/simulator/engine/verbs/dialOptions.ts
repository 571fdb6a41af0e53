import type { RecordingCallback } from '../../recordings/recordingStore';
import { boolAttr, intAttr, listAttr, methodAttr, type TwimlNode } from '../../twiml/twimlNode';
import type { HttpMethod } from '../../types';
import { resolveUrl } from '../instruction';
import { CONTINUE, type VerbOutcome } from '../verbScope';

export interface DialOptions {
  action: { url: string; method: HttpMethod } | null;
  timeout: number;
  callerId: string | null;
  /** do-not-record, record-from-answer, record-from-ringing, and their -dual variants. */
  record: string;
  recordingCallback: RecordingCallback | null;
  answerOnBridge: boolean;
}

export function dialOptions(verb: TwimlNode, documentUrl: string | null): DialOptions {
  const record = verb.attrs.record === 'true' ? 'record-from-answer' : (verb.attrs.record ?? 'do-not-record');
  const events = listAttr(verb, 'recordingStatusCallbackEvent');
  return {
    action: verb.attrs.action
      ? { url: resolveUrl(verb.attrs.action, documentUrl), method: methodAttr(verb, 'method') }
      : null,
    timeout: intAttr(verb, 'timeout', 30),
    callerId: verb.attrs.callerId ?? null,
    record,
    recordingCallback: verb.attrs.recordingStatusCallback
      ? {
          url: resolveUrl(verb.attrs.recordingStatusCallback, documentUrl),
          method: methodAttr(verb, 'recordingStatusCallbackMethod'),
          events: new Set(events.length ? events : ['completed']),
        }
      : null,
    answerOnBridge: boolAttr(verb, 'answerOnBridge', false),
  };
}

/** What the Dial ended with, as posted to its action. */
export interface DialResult {
  status: 'completed' | 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';
  dialCallSid?: string;
  durationSeconds?: number;
  recording?: { sid: string; url: string; durationSeconds: number };
}

export function dialResultParams(result: DialResult): Record<string, string> {
  const params: Record<string, string> = {
    DialCallStatus: result.status,
    DialBridged: String(result.durationSeconds !== undefined),
  };
  if (result.dialCallSid) params.DialCallSid = result.dialCallSid;
  if (result.durationSeconds !== undefined) params.DialCallDuration = String(result.durationSeconds);
  if (result.recording)
    Object.assign(params, {
      RecordingUrl: result.recording.url,
      RecordingSid: result.recording.sid,
      RecordingDuration: String(result.recording.durationSeconds),
    });
  return params;
}

/** After the Dial: its action's answer runs next, or the call goes on with the next verb. */
export function afterDial(options: DialOptions, result: DialResult): VerbOutcome {
  if (!options.action) return CONTINUE;
  return {
    kind: 'next',
    to: { kind: 'fetch', url: options.action.url, method: options.action.method, params: dialResultParams(result) },
  };
}
