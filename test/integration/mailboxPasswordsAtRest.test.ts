import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { migrate, readMigrations } from '../../server/db/migrate';
import { createLogger } from '../../server/logger';
import { startSwitchboard } from '../../server/startSwitchboard';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { spawnServer } from '../support/serverProcess';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { sealedForTests } from '../support/testSecrets';
import { testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// Passwords no log line, response or column could contain by chance: whichever place holds one in clear is found.
const imapPassword = `imap-${randomBytes(8).toString('hex')}`;
const smtpPassword = `smtp-${randomBytes(8).toString('hex')}`;
let dovecot: Dovecot;
const databases: TestDatabase[] = [];

beforeAll(async () => {
  dovecot = await startDovecot({ password: imapPassword });
}, 60_000);
afterAll(async () => {
  await dovecot?.stop();
  for (const db of databases) await db.drop();
});

async function aDatabase(options?: { migrated: boolean }) {
  const db = await createTestDatabase(options);
  databases.push(db);
  return db;
}

/** The real service in this process, with every log line it writes kept, at the most talkative level. */
async function startLoggedServer(env: Record<string, string>) {
  const lines: string[] = [];
  const config = loadConfig({ ...env, LOG_LEVEL: 'trace' });
  const running = await startSwitchboard(config, createLogger('trace', { write: (line: string) => lines.push(line) }));
  return { ...running, url: running.url!, log: () => lines.join('') };
}

/** Mail a customer sends to the support address; resolves with its ticket once the mailbox has synced it. */
async function mailArrives(db: TestDatabase, subject: string) {
  await dovecot.appendRaw(
    Buffer.from(
      [
        `Message-ID: <${randomBytes(8).toString('hex')}@customer.example>`,
        'From: Alice <alice@customer.example>',
        'To: support@example.com',
        `Subject: ${subject}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hello.',
      ].join('\r\n'),
    ),
  );
  const [message] = await waitFor(
    () =>
      db.sql<{ ticketId: string }[]>`select ticket_id from messages where channel = 'email' and subject = ${subject}`,
    (rows) => rows.length === 1,
    30_000,
  );
  return message;
}

const rowText = async (db: TestDatabase) =>
  (await db.sql<{ row: string }[]>`select row_to_json(m)::text as row from mailboxes m where not simulated`)
    .map((r) => r.row)
    .join('\n');

describe('mailbox passwords at rest', () => {
  it('when an admin adds a mailbox, then the database holds its passwords only encrypted, neither the API nor the log shows them, and it syncs mail with them', async () => {
    const db = await aDatabase();
    await aQueue(db.sql, { entryForChannels: ['email'] });
    const env = testEnv(db.url);
    const logs: string[] = [];
    let server = await startLoggedServer(env);
    try {
      const user = await aUser(db.sql, 'admin');
      const admin = await new TestClient(server.url).signIn(user.email, user.password);
      const created = await admin.post('/api/admin/mailboxes', {
        name: 'Support',
        address: 'support@example.com',
        imapHost: dovecot.host,
        imapPort: dovecot.port,
        imapTls: false,
        imapUser: dovecot.user,
        imapPassword,
        smtpHost: '127.0.0.1',
        smtpPort: 2525,
        smtpUser: 'relay',
        smtpPassword,
      });
      expect(created.status).toBe(201);
      const id: string = created.body.id;

      const [row] = await db.sql`
        select imap_password_encrypted, smtp_password_encrypted, legacy_imap_password, legacy_smtp_password
        from mailboxes where id = ${id}`;
      expect(row).toEqual({
        imapPasswordEncrypted: expect.stringMatching(/^v1:[^:]+:[^:]+:[^:]+$/),
        smtpPasswordEncrypted: expect.stringMatching(/^v1:[^:]+:[^:]+:[^:]+$/),
        legacyImapPassword: null,
        legacySmtpPassword: null,
      });
      const changed = await admin.patch(`/api/admin/mailboxes/${id}`, { smtpPassword: `${smtpPassword}2` });
      expect(changed.status).toBe(200);
      const [after] = await db.sql`select smtp_password_encrypted from mailboxes where id = ${id}`;
      expect(server.ctx.secrets.open(after.smtpPasswordEncrypted)).toBe(`${smtpPassword}2`);

      const audit = (await db.sql`select data::text from audit_log`).map((r) => r.data).join('\n');
      const listed = await admin.get('/api/admin/mailboxes');
      expect(listed.body.mailboxes[0]).toMatchObject({ hasImapPassword: true, hasSmtpPassword: true });
      for (const stored of [await rowText(db), audit, listed.text]) {
        expect(stored).not.toContain(imapPassword);
        expect(stored).not.toContain(smtpPassword);
      }
      expect(listed.text).not.toContain(row.imapPasswordEncrypted);

      // A restart (the mailbox is picked up at start, not after the 30 s reload) with the key from the environment;
      // dovecot takes only the right password, so the ticket proves the worker opened it.
      logs.push(server.log());
      await server.stop();
      server = await startLoggedServer(env);
      await mailArrives(db, 'Sent to an encrypted mailbox');
      expect((await db.sql`select state from mailboxes where id = ${id}`)[0].state).toBe('connected');
    } finally {
      await server.stop();
      logs.push(server.log());
    }
    const log = logs.join('');
    expect(log).toContain('"msg":"switchboard started"');
    expect(log).toContain('"msg":"request completed"');
    expect(log).not.toContain(imapPassword);
    expect(log).not.toContain(smtpPassword);
  });

  it('when a database from before encryption holds passwords in clear, then start-up encrypts them and the mailbox still syncs', async () => {
    const db = await aDatabase({ migrated: false });
    await migrate(
      db.sql,
      (await readMigrations()).filter((m) => m.name < '013'),
    );
    // As that version's schema has it (the factories follow the latest one).
    await db.sql`insert into queues (name, entry_for_channels) values ('Email', '{email}')`;
    await db.sql`
      insert into mailboxes (name, address, imap_host, imap_port, imap_tls, imap_user, imap_password, smtp_host, smtp_user, smtp_password)
      values ('Support', 'support@example.com', ${dovecot.host}, ${dovecot.port}, false, ${dovecot.user}, ${imapPassword},
              '127.0.0.1', 'relay', ${smtpPassword})`;
    const server = await startLoggedServer(testEnv(db.url));
    try {
      expect(await rowText(db)).not.toContain(imapPassword);
      expect(await rowText(db)).not.toContain(smtpPassword);
      const [row] = await db.sql`select imap_password_encrypted, smtp_password_encrypted from mailboxes`;
      expect(server.ctx.secrets.open(row.imapPasswordEncrypted)).toBe(imapPassword);
      expect(server.ctx.secrets.open(row.smtpPasswordEncrypted)).toBe(smtpPassword);
      await mailArrives(db, 'Sent to a mailbox encrypted at start-up');
      expect(server.log()).toContain('mailbox passwords stored in clear are now encrypted');
      expect(server.log()).not.toContain(imapPassword);
    } finally {
      await server.stop();
    }
  });

  it('when production has no SECRETS_KEY, then it starts without mailboxes but refuses to store a password, and once a mailbox exists it does not start, naming SECRETS_KEY', async () => {
    const db = await aDatabase();
    const env = testEnv(db.url, { NODE_ENV: 'production', SECRETS_KEY: '' });
    const server = await spawnServer(env);
    try {
      const user = await aUser(db.sql, 'admin');
      const admin = await new TestClient(server.url).signIn(user.email, user.password);
      const refused = await admin.post('/api/admin/mailboxes', {
        name: 'Support',
        address: 'support@example.com',
        imapHost: dovecot.host,
        imapUser: dovecot.user,
        imapPassword,
      });
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({
        code: 'secrets_key_missing',
        message: expect.stringContaining('SECRETS_KEY'),
      });
      expect(await db.sql`select 1 from mailboxes`).toHaveLength(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    await db.sql`
      insert into mailboxes (name, address, imap_host, imap_port, imap_user, imap_password_encrypted)
      values ('Support', 'support@example.com', ${dovecot.host}, ${dovecot.port}, ${dovecot.user}, ${sealedForTests(imapPassword)})`;
    await expect(spawnServer(env)).rejects.toThrow(/exited with 1[\s\S]*SECRETS_KEY is not set/);
    // Another key than the one the password was sealed with: the start stops too, rather than every sync failing.
    await expect(spawnServer({ ...env, SECRETS_KEY: randomBytes(32).toString('hex') })).rejects.toThrow(
      /exited with 1[\s\S]*SECRETS_KEY does not decrypt the stored passwords of mailbox "Support"/,
    );
  });
});
