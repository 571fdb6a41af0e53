import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aQueue, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  db = await createTestDatabase();
  // No mailbox configured: the email simulator is on; its mail goes through intake, replies to its outbox.
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '30' }));
  browser = await launchChromium();
  await aQueue(db.sql, { entryForChannels: ['email'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

describe('email through the simulator in Chromium', () => {
  it('when a simulated customer writes a formatted mail, then it pops for the agent and shows formatted; the reply lands in the customer’s inbox, and their answer joins the ticket', async () => {
    const agent = await aUser(db.sql, 'agent');
    const tester = await aUser(db.sql, 'supervisor');
    const customer = 'mei.lin@customer.example';

    const agentPage = await (await browser.newContext()).newPage();
    await signInAs(agentPage, server.url, agent);
    await agentPage.selectOption('[data-testid="presence-switch"]', 'available');
    await expect
      .poll(async () => (await db.sql`select presence from users where id = ${agent.id}`)[0].presence)
      .toBe('available');

    const customerPage = await (await browser.newContext()).newPage();
    await signInAs(customerPage, server.url, tester);
    await customerPage.click('a[href="/simulator"]');
    await customerPage.click('[data-testid="sim-tab-email"]');
    await customerPage.fill('[data-testid="sim-email-address"]', customer);
    await customerPage.fill('[data-testid="sim-email-name"]', 'Mei Lin');
    await customerPage.fill('[data-testid="sim-email-subject"]', 'Blender broken');
    await customerPage.fill(
      '[data-testid="sim-email-text"]',
      '<p>My <b>blender</b> stopped working.</p><script>document.title = "owned"</script>',
    );
    await customerPage.check('[data-testid="sim-email-as-html"]');
    await customerPage.click('[data-testid="sim-email-send"]');
    const sent = customerPage.locator('[data-testid="sim-email"][data-direction="from_customer"]');
    await expect.poll(() => sent.count()).toBe(1);

    const pop = agentPage.locator('[data-testid="screen-pop"]');
    await pop.waitFor({ timeout: 10_000 });
    await expect.poll(() => pop.textContent()).toContain('Blender broken');
    await agentPage.click('[data-testid="accept-offer"]');
    await agentPage.locator('[data-testid="ticket-view"]').waitFor();

    // Formatted: the bold word is bold inside the sandboxed frame, and the script neither survived nor ran.
    const inbound = agentPage.locator('[data-testid="message"][data-direction="inbound"]');
    const frame = inbound.frameLocator('[data-testid="message-html"]');
    await expect.poll(() => frame.locator('b').textContent()).toBe('blender');
    expect(await frame.locator('script').count()).toBe(0);
    expect(await agentPage.title()).not.toBe('owned');
    expect(await inbound.locator('[data-testid="message-html"]').getAttribute('sandbox')).not.toContain(
      'allow-scripts',
    );
    await inbound.locator('[data-testid="message-view-text"]').click();
    await expect.poll(() => inbound.locator('.message-text').textContent()).toContain('My blender stopped working.');

    await agentPage.fill('[data-testid="reply-text"]', 'A new blender is on its way.');
    await agentPage.click('[data-testid="send-reply"]');
    await expect
      .poll(() => agentPage.locator('[data-testid="message"][data-direction="outbound"]').getAttribute('data-status'))
      .toBe('sent');

    const received = customerPage.locator('[data-testid="sim-email"][data-direction="to_customer"]');
    await expect.poll(() => received.count()).toBe(1);
    expect(await received.locator('[data-testid="sim-email-text-body"]').textContent()).toBe(
      'A new blender is on its way.',
    );
    const [{ number }] = await db.sql`select number from tickets`;
    expect(await received.locator('[data-testid="sim-email-subject-line"]').textContent()).toBe(
      `Re: Blender broken [#${number}]`,
    );
    expect(await received.locator('[data-testid="sim-email-in-reply-to"]').textContent()).toBe(
      await sent.getAttribute('data-message-id'),
    );

    await received.locator('[data-testid="sim-email-reply"]').click();
    expect(await customerPage.inputValue('[data-testid="sim-email-subject"]')).toBe(`Re: Blender broken [#${number}]`);
    await customerPage.fill('[data-testid="sim-email-text"]', 'Thank you!');
    await customerPage.click('[data-testid="sim-email-send"]');
    await expect.poll(() => sent.count()).toBe(2);
    await expect.poll(() => inbound.count()).toBe(2);
    expect(await inbound.last().textContent()).toContain('Thank you!');
  });
});
