import path from 'node:path';
import { requireVisibleTicket } from '../../auth/ticketAccess';
import { findVoicemailRecording } from '../../voice/callRecordings';
import { sendRecordingMedia } from '../../voice/recordingMedia';
import { HttpError, notFound } from '../httpError';
import { ANY_ROLE, route } from '../route';
import { idParams } from '../validate';

export const attachmentRoutes = [
  route({
    method: 'get',
    path: '/api/attachments/:id',
    access: ANY_ROLE,
    summary: 'Download an attachment of a message on a ticket you may see.',
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
      const file = path.resolve(ctx.config.DATA_DIR, a.location);
      if (!file.startsWith(path.resolve(ctx.config.DATA_DIR) + path.sep)) throw notFound('Attachment');
      // Downloaded, never rendered inline: a customer's file must not run as a page of this site.
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.attachment(a.filename);
      res.type(a.contentType);
      await new Promise<void>((resolve, reject) =>
        res.sendFile(file, (err) => (err ? reject(notFound('Attachment file')) : resolve())),
      );
    },
  }),
];
