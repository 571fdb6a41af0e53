import type { Sql, TransactionSql } from '../db/client';
import type { Logger } from '../logger';
import { SecretOpenError, SecretsKeyMissingError, type SecretBox } from '../secrets/secretBox';

interface StoredPasswords {
  id: string;
  name: string;
  legacyImapPassword: string | null;
  legacySmtpPassword: string | null;
  imapPasswordEncrypted: string | null;
  smtpPasswordEncrypted: string | null;
}

const storedPasswords = (sql: Sql | TransactionSql, lock = false) => sql<StoredPasswords[]>`
  select id, name, legacy_imap_password, legacy_smtp_password, imap_password_encrypted, smtp_password_encrypted
  from mailboxes
  where not simulated and coalesce(legacy_imap_password, legacy_smtp_password, imap_password_encrypted, smtp_password_encrypted) is not null
  order by name ${lock ? sql`for update` : sql``}`;

/**
 * At start-up, before anything reads a mailbox: without a key, refuse to start once a mailbox has a password
 * (its mail could neither be read nor sent); with one, seal the passwords still stored in clear (from before
 * migration 013) and check that the key opens every sealed one, so a wrong or lost key stops the start with its
 * name instead of every mailbox failing one by one.
 */
export async function prepareMailboxPasswords(sql: Sql, secrets: SecretBox, keySource: string | null, log: Logger) {
  const found = await storedPasswords(sql);
  if (!found.length) return;
  if (!secrets.hasKey)
    throw new SecretsKeyMissingError(
      `SECRETS_KEY is not set, and ${found.length === 1 ? 'a mailbox has' : `${found.length} mailboxes have`} a stored password`,
    );

  // Locked, so two processes starting at once seal each clear password once.
  const sealed = await sql.begin(async (tx) => {
    const clear = (await storedPasswords(tx, true)).filter(
      (m) => m.legacyImapPassword !== null || m.legacySmtpPassword !== null,
    );
    for (const m of clear) {
      const changes: Record<string, string | null> = { legacy_imap_password: null, legacy_smtp_password: null };
      if (m.legacyImapPassword !== null) changes.imap_password_encrypted = secrets.seal(m.legacyImapPassword);
      // An empty SMTP password always meant none.
      if (m.legacySmtpPassword !== null)
        changes.smtp_password_encrypted = m.legacySmtpPassword ? secrets.seal(m.legacySmtpPassword) : null;
      await tx`update mailboxes set ${tx(changes)} where id = ${m.id}`;
    }
    return clear.length;
  });
  if (sealed) log.info({ mailboxes: sealed }, 'mailbox passwords stored in clear are now encrypted');

  const unreadable = (await storedPasswords(sql)).filter((m) =>
    [m.imapPasswordEncrypted, m.smtpPasswordEncrypted].some((value) => value !== null && !opens(secrets, value)),
  );
  if (unreadable.length)
    throw new Error(
      `${keySource ?? 'SECRETS_KEY'} does not decrypt the stored passwords of mailbox ${unreadable
        .map((m) => JSON.stringify(m.name))
        .join(', ')}: start with the SECRETS_KEY they were encrypted with.`,
    );
}

function opens(secrets: SecretBox, sealed: string) {
  try {
    secrets.open(sealed);
    return true;
  } catch (err) {
    if (err instanceof SecretOpenError) return false;
    throw err;
  }
}
