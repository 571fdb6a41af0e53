import { z } from 'zod';
import { dismissFailedMail, retryFailedMail } from '../../email/failedMailActions';
import { findFailedMail, listFailedMails } from '../../email/failedMails';
import { notFound } from '../httpError';
import { ADMINS, route } from '../route';
import { idParams } from '../validate';

// Mails a mailbox could not store, set aside so the mailbox kept flowing: admins look, retry or dismiss.
export const failedMailRoutes = [
  route({
    method: 'get',
    path: '/api/admin/failed-mails',
    access: ADMINS,
    summary:
      'Mails that could not be stored, oldest first (of one mailbox with mailboxId): where, from, subject, error.',
    query: z.object({ mailboxId: z.uuid('must be a UUID').optional() }),
    handler: async ({ ctx, query }) => ({ failedMails: await listFailedMails(ctx.sql, query.mailboxId) }),
  }),
  route({
    method: 'get',
    path: '/api/admin/failed-mails/:id/raw',
    access: ADMINS,
    summary: 'The failed mail as the IMAP server returned it (message/rfc822), to look at in a mail client.',
    params: idParams,
    async handler({ ctx, params: { id }, res }) {
      const failed = await findFailedMail(ctx.sql, id);
      if (!failed) throw notFound('Failed mail');
      // Downloaded, never rendered: the mail is a stranger's bytes.
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.attachment(`failed-mail-${id}.eml`);
      res.type('message/rfc822').send(failed.raw);
    },
  }),
  route({
    method: 'post',
    path: '/api/admin/failed-mails/:id/retry',
    access: ADMINS,
    summary:
      'Run intake again on the stored mail. Stored: the failed mail is gone and its ticket returned. Failing again: 422 with the error.',
    params: idParams,
    handler: async ({ ctx, params: { id }, session }) => retryFailedMail(ctx, id, session.userId),
  }),
  route({
    method: 'delete',
    path: '/api/admin/failed-mails/:id',
    access: ADMINS,
    summary: 'Dismiss a failed mail: it leaves the list (the mail stays on the IMAP server).',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await dismissFailedMail(ctx, id, session.userId);
    },
  }),
];
