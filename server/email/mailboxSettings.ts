import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql } from '../db/client';
import { HttpError } from '../http/httpError';
import { SecretsKeyMissingError, type SecretBox } from '../secrets/secretBox';

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
  // Under every email reply sent from this mailbox, after the agent's own.
  signature: z.string().max(2000, 'must be at most 2,000 characters'),
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
  signature: fields.signature.default(''),
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
  imapPassword: 'imap_password_encrypted',
  folder: 'folder',
  processedFolder: 'processed_folder',
  smtpHost: 'smtp_host',
  smtpPort: 'smtp_port',
  smtpTls: 'smtp_tls',
  smtpUser: 'smtp_user',
  smtpPassword: 'smtp_password_encrypted',
  queueId: 'queue_id',
  autoAckEnabled: 'auto_ack_enabled',
  autoAckSubject: 'auto_ack_subject',
  autoAckBody: 'auto_ack_body',
  maxAttachmentBytes: 'max_attachment_bytes',
  active: 'active',
  signature: 'signature',
};
// Pointing the mailbox at another server, account or folder makes the stored UID position meaningless.
const MOVES_THE_FOLDER = ['imapHost', 'imapPort', 'imapUser', 'folder'];

/** The row's columns for the input; passwords are sealed here, so only ciphertext reaches the database. */
function columns(input: Record<string, unknown>, secrets: SecretBox) {
  const sealed = { ...input };
  for (const k of ['imapPassword', 'smtpPassword'] as const) {
    const v = input[k];
    // An empty SMTP password means none, as it always did for sending.
    if (typeof v === 'string') sealed[k] = v === '' ? null : sealWithKey(secrets, k, v);
  }
  return Object.fromEntries(
    Object.entries(sealed)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [COLUMNS[k], v]),
  );
}

// Without SECRETS_KEY (production only: elsewhere a key is made under DATA_DIR) a password cannot be stored; the
// server, not the request, is what is missing something, so 503 with the variable's name.
function sealWithKey(secrets: SecretBox, field: string, value: string) {
  try {
    return secrets.seal(value);
  } catch (err) {
    if (err instanceof SecretsKeyMissingError)
      throw new HttpError(503, 'secrets_key_missing', err.message, [
        { path: field, message: 'cannot be stored: the server has no SECRETS_KEY' },
      ]);
    throw err;
  }
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

export async function createMailbox(
  sql: Sql,
  secrets: SecretBox,
  input: z.infer<typeof mailboxInput>,
  actorUserId: string,
) {
  const row = columns(input, secrets);
  return mapErrors(() =>
    sql.begin(async (tx) => {
      const [{ id }] = await tx<{ id: string }[]>`insert into mailboxes ${tx(row)} returning id`;
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

export async function updateMailbox(
  sql: Sql,
  secrets: SecretBox,
  id: string,
  input: z.infer<typeof mailboxUpdate>,
  actorUserId: string,
) {
  const changes = columns(input, secrets);
  return mapErrors(() =>
    sql.begin(async (tx) => {
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
    select id, name, address, imap_host, imap_port, imap_tls, imap_user, imap_password_encrypted is not null as has_imap_password, folder, processed_folder,
           smtp_host, smtp_port, smtp_tls, smtp_user, smtp_password_encrypted is not null as has_smtp_password, queue_id,
           auto_ack_enabled, auto_ack_subject, auto_ack_body, max_attachment_bytes, active, signature,
           state, last_error, last_connected_at, last_synced_at, ${failedMailCount(sql)}
    from mailboxes where not simulated order by name`;

/** What supervisors see of each mailbox: whether mail is flowing, and how many mails it could not store. */
export const listMailboxHealth = (sql: Sql) =>
  sql`select id, name, address, active, state, last_error, last_connected_at, last_synced_at, ${failedMailCount(sql)} from mailboxes where not simulated order by name`;

// Mails set aside because they could not be stored (failedMails.ts), waiting for an admin to retry or dismiss them.
const failedMailCount = (sql: Sql) =>
  sql`(select count(*)::int from failed_mails f where f.mailbox_id = mailboxes.id) as failed_mails`;
