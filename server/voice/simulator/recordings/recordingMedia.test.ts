import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTwilioVoice } from '../fakeTwilioVoice';
import { COMPANY, fakeFor, startTwimlApp, twiml, type TwimlApp } from '../twimlTestApp';
import { silentWav } from './silentWav';

const CALLER = '+14155550120';
const BYTES_PER_SECOND = 8000 * 2;

/** The fields of a canonical 44-byte PCM WAV header. */
function wavHeader(wav: Buffer) {
  return {
    riff: wav.toString('ascii', 0, 4),
    riffSize: wav.readUInt32LE(4),
    wave: wav.toString('ascii', 8, 12),
    fmt: wav.toString('ascii', 12, 16),
    fmtSize: wav.readUInt32LE(16),
    format: wav.readUInt16LE(20),
    channels: wav.readUInt16LE(22),
    sampleRate: wav.readUInt32LE(24),
    byteRate: wav.readUInt32LE(28),
    blockAlign: wav.readUInt16LE(32),
    bitsPerSample: wav.readUInt16LE(34),
    data: wav.toString('ascii', 36, 40),
    dataSize: wav.readUInt32LE(40),
  };
}

describe('silentWav', () => {
  it('when asked for 2.5 seconds, then it is a valid 8 kHz mono 16-bit PCM WAV of exactly that length, all silence', () => {
    const wav = silentWav(2.5);
    expect(wavHeader(wav)).toEqual({
      riff: 'RIFF',
      riffSize: wav.length - 8,
      wave: 'WAVE',
      fmt: 'fmt ',
      fmtSize: 16,
      format: 1,
      channels: 1,
      sampleRate: 8000,
      byteRate: BYTES_PER_SECOND,
      blockAlign: 2,
      bitsPerSample: 16,
      data: 'data',
      dataSize: 2.5 * BYTES_PER_SECOND,
    });
    expect(wav.length).toBe(44 + 2.5 * BYTES_PER_SECOND);
    expect(wav.subarray(44).every((byte) => byte === 0)).toBe(true);
  });

  it('when asked for no time, then it is a valid WAV with an empty data chunk', () => {
    expect(wavHeader(silentWav(0))).toMatchObject({ riff: 'RIFF', riffSize: 36, wave: 'WAVE', dataSize: 0 });
  });
});

describe('FakeTwilioVoice.recordingMedia', () => {
  let app: TwimlApp;
  let fake: FakeTwilioVoice;

  beforeEach(async () => {
    app = await startTwimlApp();
    app.on('/voice', () => {
      const r = twiml();
      r.record({ action: '/recorded', maxLength: 3600 });
      return r.toString();
    });
  });
  afterEach(async () => {
    fake.close();
    await app.close();
  });

  async function leaveMessage(text: string) {
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    await fake.waitFor(sid, (s) => s.awaiting?.kind === 'record');
    fake.leaveRecording(sid, text);
    return (await app.waitForRequest('/recorded')).params;
  }

  it('when a message was left, then its media is a silent WAV exactly as long as the RecordingDuration reported', async () => {
    fake = fakeFor(app);
    const action = await leaveMessage('Please call me back about my bill');
    const media = fake.recordingMedia(action.RecordingSid)!;
    expect(media.contentType).toBe('audio/wav');
    expect(wavHeader(media.body)).toMatchObject({
      riff: 'RIFF',
      wave: 'WAVE',
      format: 1,
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 16,
    });
    expect(Number(action.RecordingDuration)).toBeGreaterThan(0);
    expect(wavHeader(media.body).dataSize).toBe(Number(action.RecordingDuration) * BYTES_PER_SECOND);
    expect(media.body.length).toBe(44 + Number(action.RecordingDuration) * BYTES_PER_SECOND);
  });

  it('when a recording runs past 10 minutes, then its media stops at 10 minutes', async () => {
    // 0.4 simulated seconds a word: 2,000 words is 800 s; a small time scale keeps the wait short.
    fake = fakeFor(app, { timeScale: 0.0001 });
    const action = await leaveMessage('word '.repeat(2000));
    expect(Number(action.RecordingDuration)).toBe(800);
    expect(wavHeader(fake.recordingMedia(action.RecordingSid)!.body).dataSize).toBe(600 * BYTES_PER_SECOND);
  });

  it('when the recording is unknown, then there is no media', () => {
    fake = fakeFor(app);
    expect(fake.recordingMedia(`RE${'0'.repeat(32)}`)).toBeNull();
  });
});
