import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { launchChromium, signInAs } from '../support/browser';
import { anSms, aPhone } from '../support/contacts';
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

describe('a reply that could not be sent, in the console', () => {
  it('when a reply’s send was interrupted twice, then the agent sees why (in Chinese too), presses Retry, and it is delivered; the history says so', async () => {
    const phone = aPhone();
    const { ticketId } = await intakeContact(server.ctx, anSms(phone, 'Is my order on its way?'));
    // As the outbound reconciler leaves a reply whose automatic resend was interrupted too.
    const [{ id }] = await db.sql<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, status, from_address, to_address, body_text, error_code, error_message, send_round, auto_resends)
      values (${ticketId}, 'sms', 'outbound', 'failed', '+15005550006', ${phone}, 'Yes, it ships today.', 'send_interrupted',
              'Sending was interrupted before Twilio took the message, on the resend too.', 1, 1)
      returning id`;
    const admin = await aUser(db.sql, 'admin');
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signInAs(page, server.url, admin);
    await page.goto(`${server.url}/tickets/${ticketId}`);

    const reply = page.locator(`[data-testid="message"][data-message-id="${id}"]`);
    await reply.waitFor();
    expect(await reply.getAttribute('data-status')).toBe('failed');
    expect(await reply.locator('[data-testid="delivery-error"]').textContent()).toBe(
      'Sending was interrupted twice before the provider took the message.',
    );
    expect(await reply.locator('[data-testid="retry-send"]').textContent()).toBe('Retry');

    await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
    await expect.poll(() => reply.locator('[data-testid="retry-send"]').textContent()).toBe('重试');
    expect(await reply.locator('[data-testid="delivery-error"]').textContent()).toBe(
      '发送两次都在服务商接收消息之前中断。',
    );

    await reply.locator('[data-testid="retry-send"]').click();
    await expect.poll(() => reply.getAttribute('data-status')).toBe('delivered');
    expect(await reply.locator('[data-testid="retry-send"]').count()).toBe(0);
    const retried = page.locator('[data-testid="audit-entry"][data-action="message.retried"]');
    await expect.poll(() => retried.count()).toBe(1);
    expect(await retried.textContent()).toContain('已按要求重新发送消息');
    await expect
      .poll(() => page.locator('[data-testid="audit-entry"][data-action="message.delivered"]').count())
      .toBe(1);
    expect(
      (
        await db.sql`select count(*)::int as n from simulator_messages where phone = ${phone} and direction = 'to_phone'`
      )[0].n,
    ).toBe(1);
  });
});
