import type { Request, Response } from 'express';
import type { StoredFile } from '../../knowledge-base/articles/attachments';
import type { AppContext } from '../context';
import { locateFile } from '../files/locatedFile';
import { sendStoredFile } from './sendStoredFile';

// Raster images are shown in the page; anything else (an SVG, which can carry script, a PDF) is a download.
const SHOWN_INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * A knowledge base attachment's bytes from the file store (Range answered 206, never sniffed), for the help center
 * and the staff route alike. `private`: a response only signed-in staff may have is kept by no shared cache.
 */
export async function sendArticleFile(
  ctx: Pick<AppContext, 'files' | 'config' | 'log'>,
  req: Request,
  res: Response,
  stored: StoredFile,
  { private: isPrivate = false } = {},
) {
  const file = await locateFile(ctx.files, ctx.config.DATA_DIR, stored.location);
  if (!file) return void res.status(404).type('text').send('File not found.');
  if (isPrivate) res.setHeader('Cache-Control', 'private, no-cache');
  await sendStoredFile(res, file, {
    range: req.headers.range,
    contentType: stored.contentType,
    downloadAs: SHOWN_INLINE.has(stored.contentType) ? undefined : stored.filename,
    log: ctx.log,
  });
}
