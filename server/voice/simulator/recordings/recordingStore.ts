import type { SimClock } from '../simClock';
import { newSid } from '../sids';
import type { HttpMethod, RecordingSnapshot } from '../types';

export type RecordingSource = RecordingSnapshot['source'];

export interface RecordingCallback {
  url: string;
  method: HttpMethod;
  events: Set<string>;
}

/** A simulated recording: what was said while it ran, as text lines, since there is no audio. */
export interface SimRecording {
  sid: string;
  url: string;
  callSid: string | null;
  conferenceSid: string | null;
  source: RecordingSource;
  channels: 1 | 2;
  status: 'in-progress' | 'completed';
  startedAt: number;
  endedAt: number | null;
  /** Fixed length for a `<Record>` (the time the party spoke); otherwise measured from start to end. */
  fixedSeconds: number | null;
  lines: string[];
  callback: RecordingCallback | null;
  callbackChain: Promise<void>;
}

const RETAIN = 500;

/** Recordings by SID, with the text that stands in for their audio. */
export class RecordingStore {
  private readonly recordings = new Map<string, SimRecording>();

  constructor(
    private readonly accountSid: string,
    private readonly clock: SimClock,
  ) {}

  start(init: {
    callSid: string | null;
    conferenceSid?: string | null;
    source: RecordingSource;
    channels?: 1 | 2;
    callback?: RecordingCallback | null;
    fixedSeconds?: number;
  }): SimRecording {
    const sid = newSid('RE');
    const recording: SimRecording = {
      sid,
      url: `https://api.twilio.com/2010-04-01/Accounts/${this.accountSid}/Recordings/${sid}`,
      callSid: init.callSid,
      conferenceSid: init.conferenceSid ?? null,
      source: init.source,
      channels: init.channels ?? 1,
      status: 'in-progress',
      startedAt: Date.now(),
      endedAt: null,
      fixedSeconds: init.fixedSeconds ?? null,
      lines: [],
      callback: init.callback ?? null,
      callbackChain: Promise.resolve(),
    };
    this.recordings.set(sid, recording);
    this.prune();
    return recording;
  }

  get(sid: string) {
    return this.recordings.get(sid);
  }

  list() {
    return [...this.recordings.values()];
  }

  addLine(sid: string, line: string) {
    const recording = this.recordings.get(sid);
    if (recording?.status === 'in-progress') recording.lines.push(line);
  }

  durationSeconds(recording: SimRecording) {
    return recording.fixedSeconds ?? this.clock.secondsBetween(recording.startedAt, recording.endedAt ?? Date.now());
  }

  snapshot(recording: SimRecording): RecordingSnapshot {
    return {
      sid: recording.sid,
      callSid: recording.callSid,
      conferenceSid: recording.conferenceSid,
      source: recording.source,
      status: recording.status,
      duration: recording.status === 'in-progress' ? null : this.durationSeconds(recording),
      url: recording.url,
      text: recording.lines.join('\n'),
    };
  }

  private prune() {
    if (this.recordings.size <= RETAIN) return;
    const oldest = this.recordings.keys().next().value;
    if (oldest) this.recordings.delete(oldest);
  }
}
