import type { SimContext } from '../../context';
import type { SimCall } from '../../calls/simCall';
import { finishRecording, reportRecordingStarted } from '../../recordings/recordingCallbacks';
import type { DialOptions, DialResult } from './dialOptions';

/** A `<Dial record>` recording of the bridged legs: captures what both say until `stop`. */
export function startDialRecording(ctx: SimContext, options: DialOptions, parent: SimCall, other: SimCall) {
  if (!options.record.startsWith('record-from')) return null;
  const recording = ctx.recordings.start({
    callSid: parent.sid,
    source: 'DialVerb',
    channels: options.record.endsWith('-dual') ? 2 : 1,
    callback: options.recordingCallback,
  });
  parent.activeRecordings.add(recording.sid);
  other.activeRecordings.add(recording.sid);
  reportRecordingStarted(ctx, recording);
  return {
    stop(): DialResult['recording'] {
      parent.activeRecordings.delete(recording.sid);
      other.activeRecordings.delete(recording.sid);
      finishRecording(ctx, recording);
      return { sid: recording.sid, url: recording.url, durationSeconds: ctx.recordings.durationSeconds(recording) };
    },
  };
}
