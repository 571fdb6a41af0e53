import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import type { Response } from 'express';
import type { AppContext } from '../context';
import { parseByteRange } from '../http/byteRange';
import { HttpError } from '../http/httpError';
import { sendStoredFile } from '../http/sendStoredFile';
import { findRecordingCopy } from './recordingCopies';
import type { FakeTwilioVoice } from './simulator/fakeTwilioVoice';
import type { VoiceTransport } from './voiceTransport';

/** A recording as a call or a voicemail message keeps it: Twilio's RecordingSid and RecordingUrl (without extension). */
export interface StoredRecording {
  sid: string;
  url: string;
}

const UPSTREAM_HEADERS_TIMEOUT_MS = 15_000;
const PASSED_THROUGH = ['content-length', 'content-range', 'accept-ranges'];

const unavailable = (why: string) => new HttpError(502, 'recording_unavailable', why);

/**
 * Answers with the recording's audio: from its copy in the file store once the copy job has made one
 * (recordingCopies.ts), else from where it was recorded. Twilio keeps recording media behind the account's
 * credentials, so the browser cannot fetch it: we fetch it and stream it through, passing the Range header on so an
 * <audio> element can seek. The simulator has no audio and answers with silence as long as the recording.
 */
export async function sendRecordingMedia(
  ctx: AppContext,
  recording: StoredRecording,
  range: string | undefined,
  res: Response,
) {
  const copy = await findRecordingCopy(ctx, recording.sid);
  if (copy) return sendStoredFile(res, copy.file, { range, contentType: copy.contentType, log: ctx.log });
  if (ctx.voice.simulator) return sendSimulatedRecording(ctx.voice.simulator, recording.sid, range, res);
  const upstream = await fetchRecordingFromTwilio(ctx, recording, range);
  if (upstream.status === 404)
    throw new HttpError(404, 'recording_gone', 'The recording is no longer available at Twilio.');
  if (upstream.status !== 200 && upstream.status !== 206 && upstream.status !== 416) {
    await upstream.body?.cancel();
    const refused = upstream.status === 401 || upstream.status === 403 ? ': it refused this account’s credentials' : '';
    throw unavailable(`Twilio answered HTTP ${upstream.status} for the recording${refused}.`);
  }
  res.status(upstream.status);
  // We asked for the .mp3: anything but an audio type is not what a player should be told it got.
  const type = upstream.headers.get('content-type') ?? '';
  res.setHeader('Content-Type', /^audio\//i.test(type) ? type : 'audio/mpeg');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  for (const name of PASSED_THROUGH) {
    const value = upstream.headers.get(name);
    if (value) res.setHeader(name, value);
  }
  if (!upstream.body) return void res.end();
  await streamOut(ctx, Readable.fromWeb(upstream.body as ReadableStream<Uint8Array>), res);
}

/**
 * Twilio's answer for the recording's .mp3 (a range of it when asked), fetched with the account's credentials. They go
 * only ever to Twilio itself, whatever address a row holds: any other address is refused (404) and nothing is fetched.
 */
export async function fetchRecordingFromTwilio(
  ctx: Pick<AppContext, 'voice' | 'config'>,
  recording: StoredRecording,
  range?: string,
) {
  const media = twilioMediaUrl(recording.url);
  if (!media)
    throw new HttpError(
      404,
      'recording_not_at_twilio',
      'The recording’s stored address is not one of Twilio’s, so it is not fetched.',
    );
  return fetchFromTwilio(ctx.voice, aimedAtStandIn(`${media.href}.mp3`, ctx.config.TWILIO_API_BASE_URL), range);
}

// api.twilio.com and its regional and edge hosts (api.ie1.twilio.com, api.dublin.ie1.twilio.com).
const TWILIO_API_HOST = /^api(\.[a-z0-9-]+){0,2}\.twilio\.com$/;

/** The stored RecordingUrl when it is an address of Twilio's REST API over HTTPS (default port, no userinfo), else null. */
function twilioMediaUrl(stored: string): URL | null {
  let url: URL;
  try {
    url = new URL(stored);
  } catch {
    return null;
  }
  const plain = url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '';
  return plain && TWILIO_API_HOST.test(url.hostname) ? url : null;
}

/** With TWILIO_API_BASE_URL (tests only), the checked Twilio address is re-aimed at the stand-in, path kept, as the SMS client is. */
function aimedAtStandIn(url: string, apiBaseUrl: string | undefined) {
  if (!apiBaseUrl) return url;
  const base = new URL(apiBaseUrl);
  const original = new URL(url);
  return `${base.protocol}//${base.host}${base.pathname.replace(/\/+$/, '')}${original.pathname}${original.search}`;
}

async function fetchFromTwilio(voice: VoiceTransport, url: string, range: string | undefined) {
  // Only the wait for headers is timed: once audio flows, it may take as long as the listener wants.
  const headersTimeout = new AbortController();
  const timer = setTimeout(() => headersTimeout.abort(), UPSTREAM_HEADERS_TIMEOUT_MS);
  try {
    // Twilio may redirect to its media store; fetch drops Authorization on a redirect to another origin, as it should.
    return await fetch(url, {
      headers: {
        authorization: `Basic ${Buffer.from(`${voice.accountSid}:${voice.authToken}`).toString('base64')}`,
        // Bytes as stored, so Content-Length and Content-Range stay true for the browser.
        'accept-encoding': 'identity',
        ...(range ? { range } : {}),
      },
      signal: headersTimeout.signal,
    });
  } catch (err) {
    // fetch says only "fetch failed"; its cause says why (refused, DNS, TLS).
    const cause = (err as Error & { cause?: Error }).cause;
    const why = headersTimeout.signal.aborted
      ? `no answer within ${UPSTREAM_HEADERS_TIMEOUT_MS / 1000} s`
      : (cause?.message ?? (err as Error).message);
    throw unavailable(`Could not reach Twilio for the recording (${why}).`);
  } finally {
    clearTimeout(timer);
  }
}

function sendSimulatedRecording(
  simulator: FakeTwilioVoice,
  recordingSid: string,
  range: string | undefined,
  res: Response,
) {
  const media = simulator.recordingMedia(recordingSid);
  // The simulator keeps recordings in memory only: a restart forgets them.
  if (!media)
    throw new HttpError(
      404,
      'recording_gone',
      'The phone simulator no longer holds this recording (it keeps them only while it runs).',
    );
  const size = media.body.length;
  const wanted = parseByteRange(range, size);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (wanted === 'unsatisfiable') return void res.status(416).setHeader('Content-Range', `bytes */${size}`).end();
  res.type(media.contentType);
  if (!wanted) return void res.status(200).send(media.body);
  res.status(206).setHeader('Content-Range', `bytes ${wanted.start}-${wanted.end}/${size}`);
  res.send(media.body.subarray(wanted.start, wanted.end + 1));
}

/** Streams the body out. Once headers are sent there is no error to answer with: a failure only ends the response. */
async function streamOut(ctx: AppContext, body: Readable, res: Response) {
  try {
    await pipeline(body, res);
  } catch (err) {
    // The listener closing the player mid-stream (a premature close of our response) is normal; Twilio breaking off is not.
    if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
      ctx.log.warn({ err }, 'recording stream from Twilio broke off');
  }
}
