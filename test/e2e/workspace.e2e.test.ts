import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { launchChromium, signInAs } from '../support/browser';
import { anSms } from '../support/contacts';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '30' }));
  browser = await launchChromium();
  await aQueue(db.sql, { entryForChannels: ['sms'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

const signIn = (page: Page, user: { email: string; password: string }) => signInAs(page, server.url, user);

describe('the agent workspace in Chromium', () => {
  it('when a contact arrives, then it pops on the agent’s screen; the agent accepts, replies and resolves', async () => {
    const agent = await aUser(db.sql, 'agent');
    const customerId = await aCustomer(db.sql, { phone: '+14155550199' });
    await db.sql`update customers set name = 'Grace Hopper', company = 'Navy Labs' where id = ${customerId}`;

    const page = await (await browser.newContext()).newPage();
    await signIn(page, agent);
    await page.selectOption('[data-testid="presence-switch"]', 'available');
    await expect
      .poll(async () => (await db.sql`select presence from users where id = ${agent.id}`)[0].presence)
      .toBe('available');

    const { ticketId } = await intakeContact(server.ctx, anSms('+1 415 555 0199', 'My order #4411 has not arrived'));
    const pop = page.locator('[data-testid="screen-pop"]');
    await pop.waitFor({ timeout: 5000 });
    await expect.poll(() => pop.textContent()).toContain('Grace Hopper');
    expect(await pop.textContent()).toContain('Navy Labs');
    expect(await pop.textContent()).toContain('My order #4411 has not arrived');

    await page.click('[data-testid="accept-offer"]');
    await page.waitForURL(`**/tickets/${ticketId}`);
    const view = page.locator('[data-testid="ticket-view"]');
    await view.waitFor();
    await expect
      .poll(() => page.locator('[data-testid="message"][data-direction="inbound"]').first().textContent())
      .toContain('My order #4411');
    expect(await page.locator('[data-testid="screen-pop"]').count()).toBe(0);

    await page.fill('[data-testid="reply-text"]', 'Sorry about that, it ships today.');
    await page.click('[data-testid="send-reply"]');
    const reply = page.locator('[data-testid="message"][data-direction="outbound"]');
    await expect.poll(() => reply.first().textContent()).toContain('it ships today');
    // No Twilio credentials here: the simulated Messages API accepts it and reports delivery.
    await expect.poll(() => reply.first().getAttribute('data-status')).toBe('delivered');

    await page.click('[data-testid="resolve-ticket"]');
    await expect
      .poll(async () => (await db.sql`select status from tickets where id = ${ticketId}`)[0].status)
      .toBe('resolved');
    await expect.poll(() => page.locator('[data-testid="ticket-status"]').inputValue()).toBe('resolved');
    const [stored] =
      await db.sql`select status, body_text from messages where ticket_id = ${ticketId} and direction = 'outbound'`;
    expect(stored).toEqual({ status: 'delivered', bodyText: 'Sorry about that, it ships today.' });
    const audit = (await db.sql`select action from audit_log where entity_id = ${ticketId} order by id`).map(
      (a) => a.action,
    );
    // The history says what became of the reply, not only that it was written.
    expect(audit).toEqual([
      'ticket.created',
      'ticket.offered',
      'ticket.assigned',
      'message.reply_queued',
      'message.sent',
      'message.delivered',
      'ticket.status_changed',
    ]);
    await expect.poll(() => page.locator('[data-testid="audit-entry"]').count()).toBe(7);
  });
});
