import { isWithheldCallerId } from '../../channels/voice/withheldCallerId';
import type { AppContext } from '../context';
import { intakeContact } from '../intake/intakeContact';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { publishCallChanged } from './callEvents';
import { findCall } from './callQueries';
import { twimlFor } from './callTwiml';
import { requestRecordingCopy } from './recordingCopies';
import { loadIvr } from './ivrSettings';

export interface RecordingParams {
  recordingSid: string;
  recordingUrl: string;
  durationSeconds: number | null;
}

/**
 * The caller finished a message: it is stored as a contact (a voice ticket in the chosen queue, or the voice entry
 * queue), with the recording attached, once per RecordingSid; the transcription joins it when Twilio sends it.
 */
export async function answerVoicemail(
  ctx: AppContext,
  callId: string,
  queueId: string | null,
  rec: RecordingParams,
): Promise<string> {
  const ivr = await loadIvr(ctx.sql);
  const call = await findCall(ctx.sql, callId);
  // The queue the menu named may be gone (or the URL made up): the message is kept all the same, in the entry queue.
  const [queue] = queueId ? await ctx.sql<{ id: string }[]>`select id from queues where id = ${queueId}` : [];
  if (call) await storeVoicemail(ctx, call, queue?.id ?? null, rec);
  return twimlFor(ctx, ivr).goodbye('Thank you for your message. Goodbye.');
}

async function storeVoicemail(
  ctx: AppContext,
  call: NonNullable<Awaited<ReturnType<typeof findCall>>>,
  queueId: string | null,
  rec: RecordingParams,
) {
  const [{ early }] = await ctx.sql<
    { early: string | null }[]
  >`select voicemail_transcription as early from calls where id = ${call.id}`;
  const duration =
    rec.durationSeconds === null
      ? ''
      : ` (${Math.floor(rec.durationSeconds / 60)}:${String(rec.durationSeconds % 60).padStart(2, '0')})`;
  const stored = await intakeContact(ctx, {
    channel: 'voice',
    from: { kind: 'phone', value: call.fromNumber },
    to: call.toNumber,
    providerId: rec.recordingSid,
    subject: isWithheldCallerId(call.fromNumber)
      ? 'Voicemail from a withheld number'
      : `Voicemail from ${call.fromNumber}`,
    text: early ?? `Voicemail${duration}. Transcription pending.`,
    attachments: [
      {
        filename: `voicemail-${rec.recordingSid}.mp3`,
        contentType: 'audio/mpeg',
        sizeBytes: 0,
        location: `${rec.recordingUrl}.mp3`,
      },
    ],
    metadata: {
      callSid: call.callSid,
      recordingSid: rec.recordingSid,
      recordingUrl: rec.recordingUrl,
      durationSeconds: rec.durationSeconds,
      voicemail: true,
    },
    ...(queueId ? { queueId } : {}),
  });
  // The message and the call are tied to each other in one transaction: nobody sees the call's voicemail message
  // while the call is not yet on its ticket (where it is invisible to the agents of that ticket's queue).
  await ctx.sql.begin(async (tx) => {
    await tx`update messages set call_id = ${call.id} where id = ${stored.messageId}`;
    // A transcription that came in while the message was being stored waited on the call: it replaces the placeholder.
    await tx`
      update messages m set body_text = c.voicemail_transcription
      from calls c where c.id = ${call.id} and m.id = ${stored.messageId} and c.voicemail_transcription is not null`;
    await tx`
      update calls set voicemail = true, ticket_id = coalesce(ticket_id, ${stored.ticketId}), customer_id = coalesce(customer_id, ${stored.customerId}),
        recording_sid = coalesce(recording_sid, ${rec.recordingSid}), recording_url = coalesce(recording_url, ${rec.recordingUrl}), updated_at = now()
      where id = ${call.id}`;
  });
  await publishCallChanged(ctx, call.id);
}

/**
 * Twilio's transcription of a voicemail: replaces the placeholder text of the message its recording made. Arriving
 * first, it waits on the call for that message.
 */
export async function applyTranscription(
  ctx: AppContext,
  callId: string,
  p: { recordingSid: string; text: string | null; status: string },
) {
  const text =
    p.status === 'completed' && p.text
      ? `Voicemail transcription: ${p.text}`
      : 'Voicemail (no transcription available).';
  // Kept on the call first, then applied to the message: whichever of the two stores runs second sees the other's
  // work, so a transcription racing the message it belongs to is never lost.
  await ctx.sql`update calls set voicemail_transcription = ${text} where id = ${callId}`;
  const [row] = await ctx.sql<{ ticketId: string }[]>`
    update messages set body_text = ${text}, metadata = metadata || ${ctx.sql.json({ transcription: p.text, transcriptionStatus: p.status })}
    where channel = 'voice' and provider_id = ${p.recordingSid}
    returning ticket_id`;
  if (row) await publishTicketChanged(ctx, row.ticketId);
}

/** A recording is ready (the conversation's, or a voicemail's): kept on the call, and copied into the file store. */
export async function applyRecordingStatus(ctx: AppContext, callId: string, p: RecordingParams & { status: string }) {
  if (p.status !== 'completed') return;
  await requestRecordingCopy(ctx, { sid: p.recordingSid, url: p.recordingUrl });
  const [row] = await ctx.sql<{ id: string }[]>`
    update calls set recording_sid = ${p.recordingSid}, recording_url = ${p.recordingUrl}, updated_at = now()
    where id = ${callId} and (recording_sid is null or recording_sid = ${p.recordingSid} or not voicemail)
    returning id`;
  if (row) await publishCallChanged(ctx, callId);
}
