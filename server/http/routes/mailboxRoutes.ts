import {
  createMailbox,
  listMailboxes,
  listMailboxHealth,
  mailboxInput,
  mailboxUpdate,
  updateMailbox,
} from '../../email/mailboxSettings';
import { ADMINS, route, SUPERVISORS } from '../route';
import { idParams } from '../validate';
import { failedMailRoutes } from './failedMailRoutes';

// Support mailboxes: admins configure them; supervisors watch whether mail is flowing.
export const mailboxRoutes = [
  route({
    method: 'get',
    path: '/api/admin/mailboxes',
    access: ADMINS,
    summary: 'Support mailboxes with their IMAP/SMTP settings (passwords never returned) and health.',
    handler: async ({ ctx }) => ({ mailboxes: await listMailboxes(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/admin/mailboxes',
    access: ADMINS,
    summary:
      'Add a support mailbox: IMAP in (host, port, TLS, user, password, folder), SMTP out, entry queue, auto-acknowledgement.',
    body: mailboxInput,
    async handler({ ctx, body, res, session }) {
      const id = await createMailbox(ctx.sql, ctx.secrets, body, session.userId);
      res.status(201);
      return { id };
    },
  }),
  route({
    method: 'patch',
    path: '/api/admin/mailboxes/:id',
    access: ADMINS,
    summary:
      'Change a mailbox; passwords left out are kept. Moving it to another server, account or folder restarts its sync position.',
    params: idParams,
    body: mailboxUpdate,
    async handler({ ctx, params: { id }, body, session }) {
      await updateMailbox(ctx.sql, ctx.secrets, id, body, session.userId);
      return { id };
    },
  }),
  route({
    method: 'get',
    path: '/api/mailboxes/health',
    access: SUPERVISORS,
    summary: 'Each mailbox’s connection state, last error, last sync and how many mails it could not store.',
    handler: async ({ ctx }) => ({ mailboxes: await listMailboxHealth(ctx.sql) }),
  }),
  ...failedMailRoutes,
];
