import type { Request } from 'express';
import { z } from 'zod';
import { saveUpload } from '../../email/uploads';
import { FileStoreUnavailableError, FileTooLargeError } from '../../files/fileStore';
import { HttpError } from '../httpError';
import { ANY_ROLE, route } from '../route';

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

const uploadQuery = z.object({
  filename: z
    .string('is required')
    .trim()
    .min(1, 'is required')
    .max(255, 'is too long (255 characters at most)')
    .refine((f) => !/[\\/\r\n\0]/.test(f), 'must be a plain file name'),
});

const tooLarge = (maxBytes: number) =>
  new HttpError(413, 'too_large', `The file is larger than this server accepts (${maxBytes} bytes at most).`);

/** The body's media type without its parameters; none given is plain bytes. */
function mediaTypeOf(req: Request) {
  const given = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (!given) return 'application/octet-stream';
  if (!MEDIA_TYPE.test(given)) {
    const message = 'must be a media type, like application/pdf';
    throw new HttpError(400, 'invalid_input', `Invalid header: Content-Type: ${message}`, [
      { path: 'Content-Type', message },
    ]);
  }
  return given;
}

export const uploadRoutes = [
  route({
    method: 'post',
    path: '/api/uploads',
    access: ANY_ROLE,
    summary:
      'Upload a file to attach to an email reply: the raw bytes as the body, their type as Content-Type, the name as ?filename=. Streamed to storage; a file over UPLOAD_MAX_BYTES is refused with 413 as soon as it passes the limit, and nothing is kept. Answers the upload (201) whose id a reply names in attachments[].uploadId.',
    rawBody: true,
    query: uploadQuery,
    async handler({ ctx, req, res, query, session }) {
      const contentType = mediaTypeOf(req);
      const encoding = req.headers['content-encoding']?.trim().toLowerCase();
      if (encoding && encoding !== 'identity') {
        throw new HttpError(
          415,
          'unsupported_media_type',
          `The request body's Content-Encoding ${JSON.stringify(encoding)} is not supported; send the file as it is.`,
        );
      }
      const maxBytes = ctx.config.UPLOAD_MAX_BYTES;
      // A length declared too large is refused before a byte is read; an undeclared one is counted as it streams.
      if (Number(req.headers['content-length']) > maxBytes) throw tooLarge(maxBytes);
      try {
        const upload = await saveUpload(ctx.sql, ctx.files, {
          uploaderId: session.userId,
          filename: query.filename,
          contentType,
          body: req,
          maxBytes,
        });
        res.status(201);
        return { upload };
      } catch (error) {
        if (error instanceof FileTooLargeError) throw tooLarge(maxBytes);
        if (error instanceof FileStoreUnavailableError)
          throw new HttpError(503, 'file_store_unavailable', 'The file store cannot take files right now; try again.');
        // The client went away mid-file: nobody is left to answer, and it is no fault of ours.
        if (!req.complete && req.socket.destroyed)
          throw new HttpError(400, 'upload_incomplete', 'The upload was cut off.');
        throw error;
      }
    },
  }),
];
