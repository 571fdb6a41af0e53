import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { launchChromium, signInAs } from '../support/browser';
import { anEmail } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { sealedForTests } from '../support/testSecrets';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let sink: SmtpSink;
let queueId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
  server = await startTestServer(testEnv(db.url, { UPLOAD_MAX_BYTES: '100000' }));
  browser = await launchChromium();
  queueId = await aQueue(db.sql);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.stop();
  await db?.drop();
});

const suffix = () => randomBytes(4).toString('hex');

/** A mailbox sending through the sink (inactive, so IMAP sync leaves it alone), and a customer's mail to it. */
async function anEmailTicket(subject: string, text: string) {
  const address = `support-${suffix()}@switchboard.test`;
  const [{ id: mailboxId }] = await db.sql<{ id: string }[]>`
    insert into mailboxes (name, address, imap_host, imap_port, imap_user, imap_password_encrypted, smtp_host, smtp_port, smtp_tls, active)
    values (${`Support ${suffix()}`}, ${address}, 'imap.invalid', 993, 'nobody', ${sealedForTests('nothing')}, ${sink.host}, ${sink.port}, false, false)
    returning id`;
  const customer = `customer-${suffix()}@customer.example`;
  const { ticketId } = await intakeContact(server.ctx, anEmail(customer, subject, text, { to: address, queueId }), {
    mailboxId,
  });
  return { ticketId, customer };
}

const mailTo = (address: string) =>
  waitFor(
    async () => sink.messages.filter((m) => m.envelope.rcptTo.some((r) => r.address === address)),
    (mails) => mails.length > 0,
  ).then((mails) => mails[0].parsed);

async function aTemplateFromTheConsole(
  page: Page,
  template: { name: string; shortcut: string; keywords: string; body: string },
) {
  await page.click('a[href="/templates"]');
  await page.click('[data-testid="new-template"]');
  await page.fill('[data-testid="template-name"]', template.name);
  await page.fill('[data-testid="template-shortcut"]', template.shortcut);
  await page.fill('[data-testid="template-keywords"]', template.keywords);
  await page.fill('[data-testid="template-body-en"]', template.body);
  await page.click('[data-testid="template-save"]');
  await page.locator(`[data-testid="template-row"][data-template-name="${template.name}"]`).waitFor();
}

describe('reply templates, attachments and signatures in Chromium', () => {
  it('when an agent inserts a template with /, then its placeholder blocks sending until filled, and the mail goes with the attachment and signature', async () => {
    const agent = await aUser(db.sql, 'agent');
    const name = `Refund steps ${suffix()}`;
    const shortcut = `refund${suffix()}`;
    const { ticketId, customer } = await anEmailTicket('Refund', 'Hello, I would like a refund for my blender.');

    const page = await (await browser.newContext()).newPage();
    await signInAs(page, server.url, agent);
    await page.click('a[href="/account"]');
    await page.fill('[data-testid="signature-text"]', 'Sam Lee\nBilling team');
    await page.click('[data-testid="signature-save"]');
    await page.locator('[data-testid="signature-saved"]').waitFor();

    await aTemplateFromTheConsole(page, {
      name,
      shortcut,
      keywords: 'refund, 退款',
      body: 'Hello {{customer.name|there}}, your refund for order [[order number]] is on its way.',
    });

    await page.goto(`${server.url}/tickets/${ticketId}`);
    const text = page.locator('[data-testid="reply-text"]');
    await text.waitFor();
    // Suggested from the customer's message ("refund" is a keyword): a click inserts it.
    const suggestion = page.locator(`[data-testid="template-suggestion"][data-template-name="${name}"]`);
    await suggestion.click();
    await expect.poll(() => text.inputValue()).toContain('your refund for order [[order number]]');
    await text.fill('');

    await text.pressSequentially(`/${shortcut.slice(0, 8)}`);
    const choice = page.locator(`[data-testid="template-choice"][data-template-name="${name}"]`);
    await choice.waitFor();
    await text.press('Enter');
    await expect
      .poll(() => text.inputValue())
      .toMatch(/^Hello .+, your refund for order \[\[order number\]\] is on its way\.$/);
    expect(await page.locator('[data-testid="template-picker"]').count()).toBe(0);
    await expect
      .poll(() => page.locator('[data-testid="placeholders-left"]').textContent())
      .toContain('[[order number]]');
    expect(await page.locator('[data-testid="send-reply"]').isDisabled()).toBe(true);

    await text.fill((await text.inputValue()).replace('[[order number]]', 'A-1234'));
    expect(await page.locator('[data-testid="placeholders-left"]').count()).toBe(0);

    await page.setInputFiles('[data-testid="attachment-input"]', {
      name: 'receipt.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Receipt for order A-1234'),
    });
    await page.locator('[data-testid="attachment"][data-filename="receipt.txt"][data-state="uploaded"]').waitFor();
    await page.click('[data-testid="send-reply"]');

    const mail = await mailTo(customer);
    expect(mail.text).toContain('your refund for order A-1234 is on its way.');
    expect(mail.text).toContain('-- \nSam Lee\nBilling team');
    expect(mail.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['receipt.txt', 'Receipt for order A-1234'],
    ]);
    const [used] = await db.sql`select usage_count from reply_templates where name = ${name}`;
    expect(used).toEqual({ usageCount: 1 });
  });

  it('when a file is larger than the server accepts, then the composer says so and sends nothing for it', async () => {
    const agent = await aUser(db.sql, 'agent');
    const { ticketId } = await anEmailTicket('Big file', 'Can you take a big file?');
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, server.url, agent);
    await page.goto(`${server.url}/tickets/${ticketId}`);
    await page.locator('[data-testid="reply-text"]').waitFor();
    await page.setInputFiles('[data-testid="attachment-input"]', {
      name: 'huge.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(server.ctx.config.UPLOAD_MAX_BYTES + 1),
    });
    const item = page.locator('[data-testid="attachment"][data-filename="huge.bin"][data-state="failed"]');
    await item.waitFor();
    expect(await item.textContent()).toContain('too large');
  });
});
