import type { SimContext } from '../context';
import type { SimCall } from '../calls/simCall';
import { newSid } from '../sids';
import { callParams, twilioDate } from '../webhooks/callParams';
import { postCallback } from '../webhooks/postCallback';
import type { SimRecording } from './recordingStore';

// Twilio transcribes recordings of up to two minutes; longer ones fail.
const TRANSCRIBE_MAX_SECONDS = 120;

/** Posts `in-progress` to the recording's status callback when it asked for that event. */
export function reportRecordingStarted(ctx: SimContext, recording: SimRecording) {
  if (recording.callback?.events.has('in-progress')) postRecordingStatus(ctx, recording);
}

/** Stops the recording and posts `completed` to its status callback. */
export function finishRecording(ctx: SimContext, recording: SimRecording) {
  if (recording.status !== 'in-progress') return;
  recording.endedAt = Date.now();
  recording.status = 'completed';
  if (recording.callback?.events.has('completed')) postRecordingStatus(ctx, recording);
}

function postRecordingStatus(ctx: SimContext, recording: SimRecording) {
  if (!recording.callback) return;
  const params: Record<string, string> = {
    AccountSid: ctx.accountSid,
    RecordingSid: recording.sid,
    RecordingUrl: recording.url,
    RecordingStatus: recording.status,
    RecordingChannels: String(recording.channels),
    RecordingStartTime: twilioDate(recording.startedAt),
    RecordingSource: recording.source,
    RecordingTrack: 'both',
    ErrorCode: '0',
  };
  if (recording.status !== 'in-progress') params.RecordingDuration = String(ctx.recordings.durationSeconds(recording));
  if (recording.callSid) params.CallSid = recording.callSid;
  if (recording.conferenceSid) params.ConferenceSid = recording.conferenceSid;
  void postCallback(ctx, recording, recording.callback.url, recording.callback.method, params);
}

/** Posts the transcription of a `<Record transcribe="true">` recording to its transcribeCallback. */
export function postTranscription(ctx: SimContext, call: SimCall, recording: SimRecording, transcribeCallback: string) {
  const sid = newSid('TR');
  const tooLong = ctx.recordings.durationSeconds(recording) > TRANSCRIBE_MAX_SECONDS;
  const params: Record<string, string> = {
    ...callParams(ctx.accountSid, call),
    TranscriptionSid: sid,
    TranscriptionText: tooLong ? '' : recording.lines.join(' '),
    TranscriptionStatus: tooLong ? 'failed' : 'completed',
    TranscriptionUrl: `https://api.twilio.com/2010-04-01/Accounts/${ctx.accountSid}/Recordings/${recording.sid}/Transcriptions/${sid}`,
    TranscriptionType: 'fast',
    RecordingSid: recording.sid,
    RecordingUrl: recording.url,
    url: transcribeCallback,
  };
  void postCallback(ctx, recording, transcribeCallback, 'POST', params);
}
