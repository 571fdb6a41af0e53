import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { launchChromium, signInAs } from '../support/browser';
import { anSms } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  browser = await launchChromium();
  await aQueue(db.sql, { entryForChannels: ['sms'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

// One of Twilio's test numbers: the (simulated) Messages API refuses every text to it, as Twilio would.
const UNREACHABLE = '+15005550009';
const REASON = "The 'To' phone number is not currently reachable via SMS.";

describe('a reply that failed, in the history', () => {
  it('when an SMS reply is refused by the provider, then the thread, the ticket’s history and the customer’s interactions say it failed and why, never that it was sent', async () => {
    const { ticketId } = await intakeContact(server.ctx, anSms(UNREACHABLE, 'Can you text me the tracking code?'));
    const admin = await aUser(db.sql, 'admin');
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signInAs(page, server.url, admin);
    await page.goto(`${server.url}/tickets/${ticketId}`);

    await page.fill('[data-testid="reply-text"]', 'Your tracking code is 4411.');
    await page.click('[data-testid="send-reply"]');
    const reply = page.locator('[data-testid="message"][data-direction="outbound"]');
    await expect.poll(() => reply.getAttribute('data-status')).toBe('failed');
    expect(await reply.locator('[data-testid="delivery-error"]').textContent()).toContain(REASON);

    const history = page.locator('[data-testid="audit-entry"]');
    const failed = page.locator('[data-testid="audit-entry"][data-action="message.failed"]');
    await expect.poll(() => failed.count()).toBe(1);
    const failure = await failed.locator('.audit-entry__what').textContent();
    expect(failure).toMatch(/^Message not delivered: /);
    expect(failure).toContain(REASON);
    const said = (await history.locator('.audit-entry__what').allTextContents()).join('\n');
    expect(said).not.toMatch(/sent|delivered$/im);

    await page.click('[data-testid="ticket-customer"]');
    const interaction = page.locator('[data-testid="interaction"][data-direction="outbound"]');
    await interaction.waitFor();
    expect(await interaction.getAttribute('data-status')).toBe('failed');
    const outcome = interaction.locator('[data-testid="interaction-status"]');
    expect(await outcome.textContent()).toMatch(/^Failed: /);
    expect(await outcome.textContent()).toContain(REASON);

    await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
    await expect.poll(() => outcome.textContent()).toMatch(/^发送失败: /);
  });
});
