import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { LocatedFile } from '../files/locatedFile';
import type { Logger } from '../logger';
import { parseByteRange } from './byteRange';

interface SendOptions {
  /** The request's Range header: one range is answered 206, one past the end 416, anything else the whole file. */
  range: string | undefined;
  contentType: string;
  /** Sent as a download under this name; without one, shown inline (a recording's audio in a player). */
  downloadAs?: string;
  log: Logger;
}

/** Answers with a stored file's bytes, streamed, seekable by Range. Never sniffed: a customer's file must not run as a page of this site. */
export async function sendStoredFile(res: Response, file: LocatedFile, options: SendOptions) {
  const size = file.sizeBytes;
  const wanted = parseByteRange(options.range, size);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (wanted === 'unsatisfiable') return void res.status(416).setHeader('Content-Range', `bytes */${size}`).end();
  const body = await file.open(wanted ?? undefined);
  if (options.downloadAs !== undefined) res.attachment(options.downloadAs);
  res.type(options.contentType);
  if (wanted) {
    res.status(206).setHeader('Content-Range', `bytes ${wanted.start}-${wanted.end}/${size}`);
    res.setHeader('Content-Length', String(wanted.end - wanted.start + 1));
  } else {
    res.status(200).setHeader('Content-Length', String(size));
  }
  try {
    await pipeline(body, res);
  } catch (err) {
    // Once bytes are on their way there is no error to answer with: the response is cut. A listener closing the
    // player or the download mid-way is normal; the store breaking off is not.
    if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
      options.log.warn({ err }, 'a stored file broke off while it was sent');
  }
}
