import type { SessionUser } from '../auth/sessions';
import { requireVisibleCall } from '../auth/ticketAccess';
import type { Sql } from '../db/client';
import { HttpError } from '../http/httpError';
import type { StoredRecording } from './recordingMedia';

/** The call's recording, for someone who may see the call (requireVisibleCall: 404 otherwise, like a missing call). */
export async function findCallRecording(
  sql: Sql,
  viewer: Pick<SessionUser, 'userId' | 'role'>,
  callId: string,
): Promise<StoredRecording> {
  await requireVisibleCall(sql, viewer, callId);
  const [call] = await sql<{ recordingSid: string | null; recordingUrl: string | null }[]>`
    select recording_sid, recording_url from calls where id = ${callId}`;
  if (!call.recordingSid || !call.recordingUrl) throw new HttpError(404, 'no_recording', 'This call has no recording.');
  return { sid: call.recordingSid, url: call.recordingUrl };
}

/**
 * The recording a voicemail attachment is the audio of, or null for any other attachment. A voicemail message is
 * tied to its call and names its recording; the attachment's location is that recording's URL plus ".mp3".
 */
export async function findVoicemailRecording(sql: Sql, attachmentId: string): Promise<StoredRecording | null> {
  const [row] = await sql<{ sid: string | null; url: string | null }[]>`
    select coalesce(m.metadata->>'recordingSid', c.recording_sid) as sid,
           coalesce(m.metadata->>'recordingUrl', c.recording_url, regexp_replace(a.location, '\\.mp3$', '')) as url
    from message_attachments a
    join messages m on m.id = a.message_id
    left join calls c on c.id = m.call_id
    where a.id = ${attachmentId} and (m.call_id is not null or m.metadata->>'recordingSid' is not null)`;
  return row?.sid && row.url ? { sid: row.sid, url: row.url } : null;
}
