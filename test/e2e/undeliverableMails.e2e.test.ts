import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// Bounces of mail we never sent, as the admin sees them on the mailbox page: through a real mailbox and Chromium.
let db: TestDatabase;
let dovecot: Dovecot;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let admin: { email: string; password: string };

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/email/${name}`, import.meta.url));

beforeAll(async () => {
  db = await createTestDatabase();
  dovecot = await startDovecot();
  const env = testEnv(db.url);
  server = await startTestServer(env);
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
  // Started again, the worker syncs the new mailbox at once.
  await server.stop();
  server = await startTestServer(env);
  browser = await launchChromium();
  await dovecot.appendRaw(fixture('corpus-bounce-foreign-dsn.eml'));
  await dovecot.appendRaw(fixture('corpus-bounce-notes-plain-foreign.eml'));
  await waitFor(
    () => db.sql`select 1 from undeliverable_mails`,
    (rows) => rows.length === 2,
  );
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await dovecot?.stop();
  await db?.drop();
});

const rows = (page: Page) => page.locator('[data-testid="undeliverable-mail-row"]');

describe('undeliverable mail on the mailbox page in Chromium', () => {
  it('when bounces of mail we did not send came in, then the admin sees each with its recipient and reason', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signInAs(page, server.url, admin);
    await page.click('a[href="/admin/mailboxes"]');
    await expect.poll(() => rows(page).count()).toBe(2);
    const text = await page.locator('[data-testid="undeliverable-mail-list"]').textContent();
    expect(text).toContain('old.customer@customer.example');
    expect(text).toContain('550 5.1.1 <old.customer@customer.example>: Recipient address rejected: User unknown');
    expect(text).toContain('kurt.weber@partner.example');
    expect(text).toContain('Delivery failed');
    expect(await page.locator('#undeliverable-mails-heading').textContent()).toBe('Bounces for mail we did not send');
  });

  it('when the admin reads the console in Chinese, then the list speaks Chinese', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signInAs(page, server.url, admin);
    await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
    await page.click('a[href="/admin/mailboxes"]');
    await expect.poll(() => page.locator('#undeliverable-mails-heading').textContent()).toBe('非本系统所发邮件的退信');
    await expect.poll(() => rows(page).count()).toBe(2);
    expect(await page.locator('[data-testid="undeliverable-mail-list"]').textContent()).toContain('投递失败');
  });
});
