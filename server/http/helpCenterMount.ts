import type { Request, Response } from 'express';
import { helpCenterRouter } from '../../knowledge-base/helpCenter/helpCenterRouter';
import type { StoredFile } from '../../knowledge-base/articles/attachments';
import type { AppContext } from '../context';
import { refuseCrossOrigin } from './refuseCrossOrigin';
import { sendArticleFile } from './sendArticleFile';

/**
 * The public help center (knowledge-base/helpCenter) with what it needs of the server: the public address and the
 * file store. Its one state-changing route (votes) is refused cross-origin like /api.
 */
export function helpCenter(ctx: AppContext) {
  const router = helpCenterRouter({
    sql: ctx.sql,
    publicUrl: () => ctx.config.PUBLIC_URL,
    sendFile: (req: Request, res: Response, stored: StoredFile) => sendArticleFile(ctx, req, res, stored),
  });
  return [refuseCrossOrigin(() => ctx.config.PUBLIC_URL), router];
}
