// Every finished call recording (a conversation's or a voicemail's) is copied into the file store, so it plays from
// any process without asking Twilio, and outlives Twilio's copy. The row in `recording_copies` comes first (from the
// recording status callback); a job fetches the media and streams it into the store, retried while that may help.
// Until the copy exists the recording is streamed from Twilio. A job that is lost (a Redis flush, a worker that died)
// is added again from the rows by the sweep below.

import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { UnrecoverableError } from 'bullmq';
import type { AppContext } from '../context';
import { storedFile, type LocatedFile } from '../files/locatedFile';
import { HttpError } from '../http/httpError';
import type { Task } from '../queues/task';
import { fetchRecordingFromTwilio, type StoredRecording } from './recordingMedia';

// Longer than a job takes to be picked up, so the sweep does not re-add a job added a moment ago.
const SETTLE_SECONDS = 30;
// A round (one job and its retries) that failed is followed by another this much later, up to MAX_ROUNDS in all.
const ROUND_INTERVAL_MINUTES = 60;
const MAX_ROUNDS = 24;
const SWEEP_BATCH = 500;

interface CopyRow {
  recordingUrl: string;
  fileKey: string | null;
  contentType: string | null;
}

/** Twilio has no such recording (any more): another try cannot help once this job's retries are spent. */
class RecordingGone extends Error {}

/** Asks for a copy of a finished recording: remembered as a row, then a job makes it. Asking twice changes nothing. */
export async function requestRecordingCopy(
  ctx: Pick<AppContext, 'sql' | 'queues' | 'log'>,
  recording: StoredRecording,
) {
  await ctx.sql`
    insert into recording_copies (recording_sid, recording_url) values (${recording.sid}, ${recording.url})
    on conflict (recording_sid) do nothing`;
  // Without Redis the webhook is still answered: the sweep adds the job from the row.
  await enqueueCopy(ctx, recording.sid, 0).catch((err: unknown) =>
    ctx.log.warn({ err, recordingSid: recording.sid }, 'recording copy job not added; the sweep adds it'),
  );
}

// One job id per round: re-adding a round's job while BullMQ still knows it changes nothing, and a failed round
// does not keep the next one from being added.
const enqueueCopy = (ctx: Pick<AppContext, 'queues'>, recordingSid: string, round: number) =>
  ctx.queues.voice.add('copy-recording', { recordingSid }, { jobId: `copy-recording-${recordingSid}-${round}` });

/** The recording's copy in the store, when there is one. */
export async function findRecordingCopy(
  ctx: Pick<AppContext, 'sql' | 'files'>,
  recordingSid: string,
): Promise<{ file: LocatedFile; contentType: string } | null> {
  const [row] = await ctx.sql<{ fileKey: string; contentType: string }[]>`
    select file_key, content_type from recording_copies where recording_sid = ${recordingSid} and file_key is not null`;
  const file = row ? await storedFile(ctx.files, row.fileKey) : null;
  return file ? { file, contentType: row.contentType } : null;
}

/** Fetches the recording (from Twilio, or the simulator that recorded it) and streams it into the store. */
export async function copyRecording(ctx: AppContext, recordingSid: string) {
  const [row] = await ctx.sql<CopyRow[]>`
    select recording_url, file_key, content_type from recording_copies where recording_sid = ${recordingSid}`;
  if (!row || row.fileKey) return;
  const media = await fetchMedia(ctx, { sid: recordingSid, url: row.recordingUrl });
  const stored = await ctx.files.put(media.body);
  await ctx.sql`
    update recording_copies set file_key = ${stored.key}, size_bytes = ${stored.sizeBytes},
      content_type = ${media.contentType}, copied_at = now(), last_error = null
    where recording_sid = ${recordingSid}`;
}

async function fetchMedia(ctx: AppContext, recording: StoredRecording) {
  if (ctx.voice.simulator) {
    // The simulator keeps its recordings in the memory of the process that ran the call.
    const media = ctx.voice.simulator.recordingMedia(recording.sid);
    if (!media) throw new RecordingGone('The phone simulator in this process does not hold this recording.');
    return { body: Readable.from([media.body]), contentType: media.contentType };
  }
  // Refused (an address that is not Twilio's) is answered with a 404 HttpError: no retry can change the address.
  const upstream = await fetchRecordingFromTwilio(ctx, recording).catch((err: unknown) => {
    throw err instanceof HttpError && err.status === 404 ? new UnrecoverableError(err.message) : err;
  });
  if (upstream.status === 404) {
    await upstream.body?.cancel();
    throw new RecordingGone('Twilio has no such recording.');
  }
  if (upstream.status !== 200 || !upstream.body) {
    await upstream.body?.cancel();
    throw new Error(`Twilio answered HTTP ${upstream.status} for the recording.`);
  }
  const type = upstream.headers.get('content-type') ?? '';
  return {
    body: Readable.fromWeb(upstream.body as ReadableStream<Uint8Array>),
    contentType: /^audio\//i.test(type) ? type : 'audio/mpeg',
  };
}

/** A round failed: noted on the row; once no later round can help, the copy is given up (the recording still plays from Twilio while it has it). */
async function recordFailure(ctx: AppContext, recordingSid: string, error: string, final: boolean) {
  await ctx.sql`
    update recording_copies set failed_rounds = failed_rounds + 1, last_error = ${error}, last_failed_at = now(),
      given_up_at = case when ${final} or failed_rounds + 1 >= ${MAX_ROUNDS} then now() end
    where recording_sid = ${recordingSid}`;
}

export const copyRecordingTask: Task<{ recordingSid: string }> = {
  queue: 'voice',
  name: 'copy-recording',
  async perform(ctx, { recordingSid }, { lastAttempt }) {
    try {
      await copyRecording(ctx, recordingSid);
    } catch (err) {
      const refused = err instanceof UnrecoverableError;
      if (!refused && !lastAttempt) throw err;
      const message = (err as Error).message;
      await recordFailure(ctx, recordingSid, message, refused || err instanceof RecordingGone);
      throw new UnrecoverableError(message);
    }
  },
};

/** Adds the copy job again for every recording still without a copy whose job may have been lost, or whose round is due. */
export async function reconcileRecordingCopies(ctx: Pick<AppContext, 'sql' | 'queues'>) {
  const due = await ctx.sql<{ recordingSid: string; failedRounds: number }[]>`
    select recording_sid, failed_rounds from recording_copies
    where file_key is null and given_up_at is null and created_at < now() - make_interval(secs => ${SETTLE_SECONDS})
      and (last_failed_at is null or last_failed_at < now() - make_interval(mins => ${ROUND_INTERVAL_MINUTES}))
    order by created_at limit ${SWEEP_BATCH}`;
  for (const row of due) await enqueueCopy(ctx, row.recordingSid, row.failedRounds);
  return { due: due.length };
}

export const reconcileRecordingCopiesTask: Task<Record<string, never>> = {
  queue: 'voice',
  name: 'reconcile-recording-copies',
  schedule: () => ({ every: 60_000 }),
  perform: (ctx) => reconcileRecordingCopies(ctx),
};
