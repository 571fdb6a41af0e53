import { requireVisibleTicket } from '../../auth/ticketAccess';
import { locateFile } from '../../files/locatedFile';
import { findVoicemailRecording } from '../../voice/callRecordings';
import { sendRecordingMedia } from '../../voice/recordingMedia';
import { HttpError, notFound } from '../httpError';
import { ANY_ROLE, route } from '../route';
import { sendStoredFile } from '../sendStoredFile';
import { idParams } from '../validate';

export const attachmentRoutes = [
  route({
    method: 'get',
    path: '/api/attachments/:id',
    access: ANY_ROLE,
    summary:
      'Download an attachment of a message on a ticket you may see, from the file store (Range requests answered 206).',
    params: idParams,
    async handler({ ctx, params: { id }, req, res, session }) {
      const [a] = await ctx.sql<{ ticketId: string; filename: string; contentType: string; location: string }[]>`
        select m.ticket_id, a.filename, a.content_type, a.location
        from message_attachments a join messages m on m.id = a.message_id where a.id = ${id}`;
      if (!a) throw notFound('Attachment');
      await requireVisibleTicket(ctx.sql, session, a.ticketId, 'Attachment');
      if (/^https?:\/\//.test(a.location)) {
        // A voicemail is a call recording: played through the recording proxy, which holds the credentials Twilio asks for.
        const voicemail = await findVoicemailRecording(ctx.sql, id);
        if (voicemail) return sendRecordingMedia(ctx, voicemail, req.headers.range, res);
        throw new HttpError(
          409,
          'remote_media',
          'This attachment is kept by the provider (for example Twilio media) and is not stored here.',
        );
      }
      const file = await locateFile(ctx.files, ctx.config.DATA_DIR, a.location);
      if (!file) throw notFound('Attachment file');
      await sendStoredFile(res, file, {
        range: req.headers.range,
        contentType: a.contentType,
        downloadAs: a.filename,
        log: ctx.log,
      });
    },
  }),
];
