import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql } from '../db/client';
import { HttpError } from '../http/httpError';

const host = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(255)
  .regex(/^[A-Za-z0-9.-]+$/, 'must be a host name or IP address');
const port = z.number().int().min(1).max(65535);

// The fields without defaults: an update changes only what it names.
const fields = {
  name: z.string().trim().min(1, 'is required').max(200),
  address: z.string().trim().toLowerCase().email('must be an email address'),
  imapHost: host,
  imapPort: port,
  imapTls: z.boolean(),
  imapUser: z.string().min(1, 'is required').max(320),
  imapPassword: z.string().min(1, 'is required').max(1000),
  folder: z.string().trim().min(1).max(200),
  processedFolder: z.string().trim().min(1).max(200).nullable(),
  smtpHost: host.nullable(),
  smtpPort: port.nullable(),
  smtpTls: z.boolean(),
  smtpUser: z.string().max(320).nullable(),
  smtpPassword: z.string().max(1000).nullable(),
  queueId: z.uuid().nullable(),
  autoAckEnabled: z.boolean(),
  autoAckSubject: z.string().trim().min(1).max(300),
  autoAckBody: z.string().min(1).max(10_000),
  maxAttachmentBytes: z
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024),
  active: z.boolean(),
};

export const mailboxInput = z.object({
  ...fields,
  imapPort: fields.imapPort.default(993),
  imapTls: fields.imapTls.default(true),
  folder: fields.folder.default('INBOX'),
  processedFolder: fields.processedFolder.default(null),
  smtpHost: fields.smtpHost.default(null),
  smtpPort: fields.smtpPort.default(null),
  smtpTls: fields.smtpTls.default(false),
  smtpUser: fields.smtpUser.default(null),
  smtpPassword: fields.smtpPassword.default(null),
  queueId: fields.queueId.default(null),
  autoAckEnabled: fields.autoAckEnabled.default(false),
  autoAckSubject: fields.autoAckSubject.optional(),
  autoAckBody: fields.autoAckBody.optional(),
  maxAttachmentBytes: fields.maxAttachmentBytes.default(10 * 1024 * 1024),
  active: fields.active.default(true),
});
// Passwords left out keep their stored value.
export const mailboxUpdate = z.object(fields).partial();

const COLUMNS: Record<string, string> = {
  name: 'name',
  address: 'address',
  imapHost: 'imap_host',
  imapPort: 'imap_port',
  imapTls: 'imap_tls',
  imapUser: 'imap_user',
  imapPassword: 'imap_password',
  folder: 'folder',
  processedFolder: 'processed_folder',
  smtpHost: 'smtp_host',
  smtpPort: 'smtp_port',
  smtpTls: 'smtp_tls',
  smtpUser: 'smtp_user',
  smtpPassword: 'smtp_password',
  queueId: 'queue_id',
  autoAckEnabled: 'auto_ack_enabled',
  autoAckSubject: 'auto_ack_subject',
  autoAckBody: 'auto_ack_body',
  maxAttachmentBytes: 'max_attachment_bytes',
  active: 'active',
};
// Pointing the mailbox at another server, account or folder makes the stored UID position meaningless.
const MOVES_THE_FOLDER = ['imapHost', 'imapPort', 'imapUser', 'folder'];

function columns(input: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [COLUMNS[k], v]),
  );
}

async function mapErrors<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === '23505')
      throw new HttpError(409, 'taken', 'A mailbox with this name or address exists already.', [
        { path: 'address', message: 'is taken' },
      ]);
    if (code === '23503')
      throw new HttpError(400, 'invalid_input', 'No such queue.', [{ path: 'queueId', message: 'no such queue' }]);
    throw e;
  }
}

export function createMailbox(sql: Sql, input: z.infer<typeof mailboxInput>, actorUserId: string) {
  return mapErrors(() =>
    sql.begin(async (tx) => {
      const [{ id }] = await tx<{ id: string }[]>`insert into mailboxes ${tx(columns(input))} returning id`;
      await writeAudit(tx, {
        actorUserId,
        action: 'mailbox.created',
        entityType: 'mailbox',
        entityId: id,
        data: { name: input.name, address: input.address },
      });
      return id;
    }),
  );
}

export function updateMailbox(sql: Sql, id: string, input: z.infer<typeof mailboxUpdate>, actorUserId: string) {
  return mapErrors(() =>
    sql.begin(async (tx) => {
      const changes = columns(input);
      if (MOVES_THE_FOLDER.some((k) => input[k as keyof typeof input] !== undefined))
        Object.assign(changes, { uid_validity: null, last_uid: 0 });
      const [row] = Object.keys(changes).length
        ? await tx`update mailboxes set ${tx(changes)} where id = ${id} and not simulated returning id`
        : await tx`select id from mailboxes where id = ${id} and not simulated`;
      if (!row) throw new HttpError(404, 'not_found', 'Mailbox not found.');
      const { imapPassword, smtpPassword, ...visible } = input;
      await writeAudit(tx, {
        actorUserId,
        action: 'mailbox.updated',
        entityType: 'mailbox',
        entityId: id,
        data: { ...visible, passwordsChanged: Boolean(imapPassword || smtpPassword) },
      });
    }),
  );
}

// The email simulator's built-in mailbox (simulatedMailbox.ts) is no one's to configure or watch: never listed.

/** Settings as admins see them: passwords are never sent back, only whether one is set. */
export const listMailboxes = (sql: Sql) =>
  sql`
    select id, name, address, imap_host, imap_port, imap_tls, imap_user, imap_password <> '' as has_imap_password, folder, processed_folder,
           smtp_host, smtp_port, smtp_tls, smtp_user, coalesce(smtp_password, '') <> '' as has_smtp_password, queue_id,
           auto_ack_enabled, auto_ack_subject, auto_ack_body, max_attachment_bytes, active,
           state, last_error, last_connected_at, last_synced_at
    from mailboxes where not simulated order by name`;

/** What supervisors see of each mailbox: whether mail is flowing. */
export const listMailboxHealth = (sql: Sql) =>
  sql`select id, name, address, active, state, last_error, last_connected_at, last_synced_at from mailboxes where not simulated order by name`;
