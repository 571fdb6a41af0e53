import type { Browser, Page } from 'playwright-core';
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
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '60' }));
  browser = await launchChromium();
  await aQueue(db.sql, { entryForChannels: ['sms'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

/** Where the keyboard is: the focused element's test id and the role of the dialog around it. */
const focus = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      testId: element?.getAttribute('data-testid') ?? null,
      dialogRole: element?.closest('[data-testid="screen-pop"]')?.getAttribute('role') ?? null,
    };
  });

async function setPresence(page: Page, userId: string, presence: 'available' | 'offline') {
  await page.selectOption('[data-testid="presence-switch"]', presence);
  await expect
    .poll(async () => (await db.sql`select presence from users where id = ${userId}`)[0].presence)
    .toBe(presence);
}

/** The one agent routing can offer to: each test's agent goes offline when it is done. */
async function availableAgent() {
  const agent = await aUser(db.sql, 'agent');
  const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signInAs(page, server.url, agent);
  await setPresence(page, agent.id, 'available');
  return { agent, page };
}

const offerStatus = async (ticketId: string) =>
  (await db.sql`select status from offers where ticket_id = ${ticketId} order by offered_at limit 1`)[0]?.status;

describe('a screen pop and the keyboard', () => {
  it('when a pop appears, then it takes the focus as an alert dialog, and Enter accepts it', async () => {
    const { agent, page } = await availableAgent();
    await page.click('.side-nav a[href="/customers"]');
    await page.locator('[data-testid="customer-search"]').focus();

    const { ticketId } = await intakeContact(server.ctx, anSms(aPhone(), 'Where is my parcel?'));
    const pop = page.locator('[data-testid="screen-pop"]');
    await pop.waitFor();
    expect(await pop.getAttribute('role')).toBe('alertdialog');
    await expect.poll(() => focus(page)).toEqual({ testId: 'accept-offer', dialogRole: 'alertdialog' });
    expect(await page.locator('[data-testid="offer-keys"]').textContent()).toBe('Enter accepts · Esc rejects');

    await page.keyboard.press('Enter');
    await page.waitForURL(`**/tickets/${ticketId}`);
    await page.locator(`[data-testid="ticket-view"][data-ticket-id="${ticketId}"]`).waitFor();
    expect(await offerStatus(ticketId)).toBe('accepted');
    expect(await pop.count()).toBe(0);
    await setPresence(page, agent.id, 'offline');
  });

  it('when the agent presses Escape on a pop, then the offer is rejected and the focus goes back where it was', async () => {
    const { page } = await availableAgent();
    await page.click('.side-nav a[href="/customers"]');
    await page.locator('[data-testid="customer-search"]').focus();

    const { ticketId } = await intakeContact(server.ctx, anSms(aPhone(), 'Please call me back'));
    const pop = page.locator('[data-testid="screen-pop"]');
    await pop.waitFor();
    await expect.poll(() => focus(page)).toEqual({ testId: 'accept-offer', dialogRole: 'alertdialog' });
    // A colleague comes on: routing tries them before the agent who turned the ticket down.
    const colleague = await availableAgent();

    await page.keyboard.press('Escape');
    await expect.poll(() => offerStatus(ticketId)).toBe('rejected');
    await colleague.page.locator(`[data-testid="screen-pop"][data-ticket-id="${ticketId}"]`).waitFor();
    expect(await pop.count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/customers');
    await expect.poll(() => focus(page)).toEqual({ testId: 'customer-search', dialogRole: null });
  });
});
