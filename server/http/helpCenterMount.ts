import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { helpCenterRouter } from '../../knowledge-base/helpCenter/helpCenterRouter';
import type { StoredFile } from '../../knowledge-base/articles/attachments';
import { findSession, SESSION_COOKIE } from '../auth/sessions';
import type { AppContext } from '../context';
import { locateFile } from '../files/locatedFile';
import { refuseCrossOrigin } from './refuseCrossOrigin';
import { sendStoredFile } from './sendStoredFile';

// Raster images are shown in the page; anything else (an SVG, which can carry script, a PDF) is a download.
const SHOWN_INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * The public help center (knowledge-base/helpCenter) with what it needs of the server: the public address, whether
 * a request is signed in, and the file store. Its one state-changing route (votes) is refused cross-origin like /api.
 */
export function helpCenter(ctx: AppContext) {
  const router = helpCenterRouter({
    sql: ctx.sql,
    publicUrl: () => ctx.config.PUBLIC_URL,
    isStaff: async (req: Request) => {
      const token = req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
      return !!(await findSession(ctx.sql, token));
    },
    sendFile: async (req: Request, res: Response, stored: StoredFile) => {
      const file = await locateFile(ctx.files, ctx.config.DATA_DIR, stored.location);
      if (!file) return void res.status(404).type('text').send('File not found.');
      await sendStoredFile(res, file, {
        range: req.headers.range,
        contentType: stored.contentType,
        downloadAs: SHOWN_INLINE.has(stored.contentType) ? undefined : stored.filename,
        log: ctx.log,
      });
    },
  });
  return [refuseCrossOrigin(() => ctx.config.PUBLIC_URL), router];
}
