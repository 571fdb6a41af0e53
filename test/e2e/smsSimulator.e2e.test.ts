import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  db = await createTestDatabase();
  // No Twilio credentials: the simulator is on, and SMS goes through the signed webhook and the fake Messages API.
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '30' }));
  browser = await launchChromium();
  await aQueue(db.sql, { entryForChannels: ['sms'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

describe('SMS through the simulator in Chromium', () => {
  it('when a simulated phone texts, then it pops on the agent’s screen; the agent replies and the phone shows the reply as delivered', async () => {
    const agent = await aUser(db.sql, 'agent');
    const tester = await aUser(db.sql, 'supervisor');
    const phone = aPhone();

    const agentPage = await (await browser.newContext()).newPage();
    await signInAs(agentPage, server.url, agent);
    await agentPage.selectOption('[data-testid="presence-switch"]', 'available');
    await expect
      .poll(async () => (await db.sql`select presence from users where id = ${agent.id}`)[0].presence)
      .toBe('available');

    const phonePage = await (await browser.newContext()).newPage();
    await signInAs(phonePage, server.url, tester);
    await phonePage.click('a[href="/simulator"]');
    await phonePage.locator('[data-testid="simulator"]').waitFor();
    await phonePage.fill('[data-testid="sim-phone"]', phone);
    await phonePage.fill('[data-testid="sim-text"]', '我的订单还没到，能帮我查一下吗？');
    await phonePage.click('[data-testid="sim-send"]');
    await expect
      .poll(() => phonePage.locator('[data-testid="sim-message"][data-direction="from_phone"]').count())
      .toBe(1);

    const pop = agentPage.locator('[data-testid="screen-pop"]');
    await pop.waitFor({ timeout: 10_000 });
    await expect.poll(() => pop.textContent()).toContain('我的订单还没到');
    await agentPage.click('[data-testid="accept-offer"]');
    await agentPage.locator('[data-testid="ticket-view"]').waitFor();

    await agentPage.fill('[data-testid="reply-text"]', '您好，订单今天发货。');
    expect(await agentPage.locator('[data-testid="sms-segments"]').getAttribute('data-encoding')).toBe('UCS-2');
    await agentPage.click('[data-testid="send-reply"]');

    const reply = phonePage.locator('[data-testid="sim-message"][data-direction="to_phone"]');
    await expect.poll(() => reply.count()).toBe(1);
    expect(await reply.textContent()).toContain('您好，订单今天发货。');
    await expect.poll(() => reply.getAttribute('data-status')).toBe('delivered');
    await expect
      .poll(() => agentPage.locator('[data-testid="message"][data-direction="outbound"]').getAttribute('data-status'))
      .toBe('delivered');
  });
});
