import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailboxSyncs } from '../../server/email/mailboxSync';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { spawnServer } from '../support/serverProcess';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { sealedForTests } from '../support/testSecrets';
import { waitFor } from '../support/waitFor';

// Two "processes": two servers, each with its own database pool, running the mailbox sync a worker runs.
// They serve web only, so the only syncs are the ones the tests start (with a short lease check).
let db: TestDatabase;
let dovecot: Dovecot;
let first: Awaited<ReturnType<typeof startTestServer>>;
let second: Awaited<ReturnType<typeof startTestServer>>;
let mailboxId: string;
const LEASE_CHECK_MS = 200;

beforeAll(async () => {
  db = await createTestDatabase();
  dovecot = await startDovecot();
  [{ id: mailboxId }] = await db.sql`
    insert into mailboxes (name, address, imap_host, imap_port, imap_tls, imap_user, imap_password_encrypted)
    values ('Support', 'support@example.com', ${dovecot.host}, ${dovecot.port}, false, ${dovecot.user}, ${sealedForTests(dovecot.password)})
    returning id`;
  first = await startTestServer(testEnv(db.url, { SERVICES: 'web' }));
  second = await startTestServer(testEnv(db.url, { SERVICES: 'web' }));
}, 60_000);
afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await dovecot?.stop();
  await db?.drop();
});

type Syncs = ReturnType<typeof startMailboxSyncs>;
const startSyncs = (server: typeof first) => startMailboxSyncs(server.ctx, undefined, { leaseCheckMs: LEASE_CHECK_MS });

/** IMAP logins of the mailbox's account so far, from dovecot's own log. */
const imapLogins = () =>
  (fs.readFileSync(path.join(dovecot.dir, 'dovecot.log'), 'utf8').match(/Login: user=<support>/g) ?? []).length;

/** Watches both for `ms`: true if they ever synced the mailbox at the same time. */
async function everBoth(a: Syncs, b: Syncs, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (a.syncing().includes(mailboxId) && b.syncing().includes(mailboxId)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

async function deliver(subject: string) {
  const messageId = `<${randomBytes(8).toString('hex')}@mail.customer.example>`;
  await dovecot.appendRaw(
    Buffer.from(
      [
        `Message-ID: ${messageId}`,
        'From: alice@customer.example',
        'To: support@example.com',
        `Subject: ${subject}`,
        '',
        'Hello',
      ].join('\r\n'),
    ),
  );
  return waitFor(
    () => db.sql`select id from messages where provider_id = ${messageId}`,
    (rows) => rows.length > 0,
  );
}

describe('one sync per mailbox across worker processes', () => {
  it('when two processes sync the same mailbox, then only one holds it; the other takes over when the first stops', async () => {
    const a = startSyncs(first);
    let b: Syncs | null = null;
    try {
      await waitFor(
        async () => a.syncing(),
        (ids) => ids.includes(mailboxId),
      );
      await waitFor(
        async () => (await db.sql`select state from mailboxes where id = ${mailboxId}`)[0].state,
        (s) => s === 'connected',
      );
      const loginsBefore = imapLogins();
      b = startSyncs(second);
      // Several lease checks go by: the second keeps asking and never gets it, nor does it log in to the mailbox.
      expect(await everBoth(a, b, LEASE_CHECK_MS * 10)).toBe(false);
      expect(b.syncing()).toEqual([]);
      expect(imapLogins()).toBe(loginsBefore);
      expect(await deliver('While the first syncs')).toHaveLength(1);

      const stopping = a.close();
      const overlapped = everBoth(a, b, LEASE_CHECK_MS * 10);
      await stopping;
      await waitFor(
        async () => b!.syncing(),
        (ids) => ids.includes(mailboxId),
      );
      expect(await overlapped).toBe(false);
      expect(b.syncing()).toEqual([mailboxId]);
      expect(await deliver('After the takeover')).toHaveLength(1);
      expect(imapLogins()).toBeGreaterThan(loginsBefore);
    } finally {
      await a.close();
      await b?.close();
    }
  });

  it('when the process holding the mailbox dies, then another process takes it over', async () => {
    // A real worker process, killed outright: it can neither release the lease nor say goodbye to the IMAP server.
    const worker = await spawnServer(testEnv(db.url, { SERVICES: 'web,worker' }));
    let b: Syncs | null = null;
    try {
      await waitFor(
        async () => (await db.sql`select state from mailboxes where id = ${mailboxId}`)[0].state,
        (s) => s === 'connected',
        20_000,
      );
      b = startSyncs(second);
      await new Promise((r) => setTimeout(r, LEASE_CHECK_MS * 5));
      expect(b.syncing()).toEqual([]);
      await worker.stop('SIGKILL');
      await waitFor(
        async () => b!.syncing(),
        (ids) => ids.includes(mailboxId),
      );
      expect(b.syncing()).toEqual([mailboxId]);
      expect(await deliver('After the crash')).toHaveLength(1);
    } finally {
      await worker.stop('SIGKILL');
      await b?.close();
    }
  });
});
