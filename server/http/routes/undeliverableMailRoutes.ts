import { z } from 'zod';
import { findUndeliverableRaw, listUndeliverableMails } from '../../email/undeliverableMails';
import { notFound } from '../httpError';
import { ADMINS, route } from '../route';
import { idParams } from '../validate';

// Bounces whose original is not one of our messages: kept for admins to see, never dropped.
export const undeliverableMailRoutes = [
  route({
    method: 'get',
    path: '/api/admin/undeliverable-mails',
    access: ADMINS,
    summary:
      'Bounces that report no message of ours, newest first (of one mailbox with mailboxId): kind (failed, delayed, delivered), recipient, status, diagnostic, the start of their text.',
    query: z.object({
      mailboxId: z.uuid('must be a UUID').optional(),
      limit: z.coerce.number().int('must be a whole number').min(1).max(500).default(100),
    }),
    handler: async ({ ctx, query }) => ({ undeliverableMails: await listUndeliverableMails(ctx.sql, query) }),
  }),
  route({
    method: 'get',
    path: '/api/admin/undeliverable-mails/:id/raw',
    access: ADMINS,
    summary: 'The bounce as it arrived (message/rfc822), to look at in a mail client.',
    params: idParams,
    async handler({ ctx, params: { id }, res }) {
      const raw = await findUndeliverableRaw(ctx.sql, id);
      if (!raw) throw notFound('Undeliverable mail');
      // Downloaded, never rendered: the mail is a stranger's bytes.
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.attachment(`undeliverable-mail-${id}.eml`);
      res.type('message/rfc822').send(raw);
    },
  }),
];
