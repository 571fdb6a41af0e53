import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailboxSyncs } from '../../server/email/mailboxSync';
import { launchChromium, signInAs } from '../support/browser';
import { aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// The server answers the console (API and realtime); the mailbox sync a worker runs is started here.
let db: TestDatabase;
let dovecot: Dovecot;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let syncs: ReturnType<typeof startMailboxSyncs>;
let admin: { email: string; password: string };

/** A mail no database can take as it is: its Message-ID is far larger than an index entry may be. */
const poisonMail = (tag: string) =>
  Buffer.from(
    fs
      .readFileSync(new URL('../fixtures/email/poison-message-id-too-long.eml', import.meta.url))
      .toString('latin1')
      .replace('@bulk.spam.example>', `.${tag}@bulk.spam.example>`)
      .replace('Subject: Limited offer', `Subject: Limited offer ${tag}`),
    'latin1',
  );

beforeAll(async () => {
  db = await createTestDatabase();
  dovecot = await startDovecot();
  server = await startTestServer(testEnv(db.url, { SERVICES: 'web,realtime' }));
  browser = await launchChromium();
  admin = await aUser(db.sql, 'admin');
  const api = await new TestClient(server.url).signIn(admin.email, admin.password);
  const created = await api.post('/api/admin/mailboxes', {
    name: 'Support',
    address: 'support@example.com',
    imapHost: dovecot.host,
    imapPort: dovecot.port,
    imapTls: false,
    imapUser: dovecot.user,
    imapPassword: dovecot.password,
  });
  expect(created.status).toBe(201);
  syncs = startMailboxSyncs(server.ctx);
}, 60_000);
afterAll(async () => {
  await syncs?.close();
  await browser?.close();
  await server?.stop();
  await dovecot?.stop();
  await db?.drop();
});

const rows = (page: Page) => page.locator('[data-testid="failed-mail-row"]');

describe('failed mails on the mailbox page in Chromium', () => {
  it('when mails cannot be stored, then the admin sees each with its error as it happens, a retry that fails says why, and dismiss removes it', async () => {
    await dovecot.appendRaw(poisonMail('one'));
    await waitFor(
      () => db.sql`select 1 from failed_mails`,
      (r) => r.length === 1,
    );

    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signInAs(page, server.url, admin);
    await page.click('a[href="/admin/mailboxes"]');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().locator('[data-testid="failed-mail-subject"]').textContent()).toBe(
      'Limited offer one',
    );
    expect(await rows(page).first().locator('[data-testid="failed-mail-error"]').textContent()).toMatch(/index row/);
    expect(await page.locator('[data-testid="mailbox-failed-mails"]').textContent()).toBe('1');

    // A second one while the page is open: the sync's "mailbox changed" brings it in, without a reload.
    await dovecot.appendRaw(poisonMail('two'));
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.locator('[data-testid="mailbox-failed-mails"]').textContent()).toBe('2');

    const first = rows(page).first();
    await first.locator('[data-testid="retry-failed-mail"]').click();
    await expect
      .poll(() => first.locator('[data-testid="failed-mail-action-error"]').textContent())
      .toMatch(/could not be stored: index row/);
    expect(await rows(page).count()).toBe(2);

    await first.locator('[data-testid="dismiss-failed-mail"]').click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().locator('[data-testid="failed-mail-subject"]').textContent()).toBe(
      'Limited offer two',
    );
    expect(await db.sql`select subject from failed_mails`).toEqual([{ subject: 'Limited offer two' }]);
  });

  it('when the admin reads the console in Chinese, then the failed mails section speaks Chinese', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signInAs(page, server.url, admin);
    await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
    await page.click('a[href="/admin/mailboxes"]');
    await expect.poll(() => page.locator('#failed-mails-heading').textContent()).toBe('无法保存的邮件');
    expect(await rows(page).first().locator('[data-testid="retry-failed-mail"]').textContent()).toBe('重试');
  });
});
