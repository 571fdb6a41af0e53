import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aCustomer, aTicket, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

const pathOf = (page: Page) => new URL(page.url()).pathname;
const currentNav = (page: Page) => page.locator('.side-nav a[aria-current="page"]');

async function newPage() {
  return (await browser.newContext({ locale: 'en-US' })).newPage();
}

describe('addresses in the console', () => {
  it('when a signed-out user opens a deep link, then signing in opens that page; links, back and forward follow the address', async () => {
    const agent = await aUser(db.sql, 'agent');
    const customerId = await aCustomer(db.sql);
    const ticketId = await aTicket(db.sql, { customerId, assigneeId: agent.id });
    const page = await newPage();

    await page.goto(`${server.url}/tickets/${ticketId}`);
    await page.fill('input[name="email"]', agent.email);
    await page.fill('input[name="password"]', agent.password);
    await page.click('button[type="submit"]');
    await page.locator(`[data-testid="ticket-view"][data-ticket-id="${ticketId}"]`).waitFor();
    expect(pathOf(page)).toBe(`/tickets/${ticketId}`);
    // A ticket belongs under the inbox in the navigation.
    expect(await currentNav(page).getAttribute('href')).toBe('/');

    await page.click('[data-testid="ticket-customer"]');
    await page.locator(`[data-testid="customer-view"][data-customer-id="${customerId}"]`).waitFor();
    expect(pathOf(page)).toBe(`/customers/${customerId}`);
    expect(await currentNav(page).getAttribute('href')).toBe('/customers');

    await page.goBack();
    await page.locator(`[data-testid="ticket-view"][data-ticket-id="${ticketId}"]`).waitFor();
    await page.goForward();
    await page.locator('[data-testid="customer-view"]').waitFor();

    await page.click('.side-nav a[href="/account"]');
    await expect.poll(() => pathOf(page)).toBe('/account');
    expect(await currentNav(page).textContent()).toBe('Account');
  });

  it('when an address has a trailing slash or names no page, then the console shows the page it means or the inbox', async () => {
    const agent = await aUser(db.sql, 'agent');
    const customerId = await aCustomer(db.sql);
    const page = await newPage();
    await signInAs(page, server.url, agent);

    await page.goto(`${server.url}/customers/${customerId}/`);
    await page.locator(`[data-testid="customer-view"][data-customer-id="${customerId}"]`).waitFor();
    expect(pathOf(page)).toBe(`/customers/${customerId}`);

    for (const wrong of ['/nope', `/customers/${customerId}/edit`, '/admin']) {
      await page.goto(`${server.url}${wrong}`);
      await expect.poll(() => pathOf(page), { message: wrong }).toBe('/');
      await page.locator('[data-testid="inbox-empty"]').waitFor();
    }
  });

  it('when an agent opens a supervisor’s or an admin’s page by its address, then the inbox opens instead; a supervisor sees theirs', async () => {
    const agent = await aUser(db.sql, 'agent');
    const agentPage = await newPage();
    await signInAs(agentPage, server.url, agent);
    for (const forbidden of ['/supervisor', '/campaigns/stats', '/reports/calls', '/admin/mailboxes', '/admin/phone']) {
      await agentPage.goto(`${server.url}${forbidden}`);
      await expect.poll(() => pathOf(agentPage), { message: forbidden }).toBe('/');
    }
    expect(await agentPage.locator('.side-nav a[href="/supervisor"]').count()).toBe(0);

    const supervisor = await aUser(db.sql, 'supervisor');
    const supervisorPage = await newPage();
    await signInAs(supervisorPage, server.url, supervisor);
    await supervisorPage.goto(`${server.url}/campaigns/stats`);
    await supervisorPage.locator('[data-testid="campaign-stats"]').waitFor();
    expect(await currentNav(supervisorPage).getAttribute('href')).toBe('/campaigns');
    await supervisorPage.goto(`${server.url}/admin/mailboxes`);
    await expect.poll(() => pathOf(supervisorPage)).toBe('/');
  });
});
