import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aCustomer, aQueue, aSkill, aTicket, aUser } from '../support/factories';
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

describe('the customer page in Chromium', () => {
  it('when the customer has tickets the agent may not open, then the page lists their own and says how many others there are, in English and Chinese', async () => {
    const agent = await aUser(db.sql, 'agent');
    const customerId = await aCustomer(db.sql);
    const own = await aTicket(db.sql, { customerId, assigneeId: agent.id });
    // Two in a queue whose skill the agent lacks.
    const specialists = await aQueue(db.sql, { skills: [await aSkill(db.sql)] });
    for (let i = 0; i < 2; i++) await aTicket(db.sql, { customerId, queueId: specialists });

    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signInAs(page, server.url, agent);
    await page.goto(`${server.url}/customers/${customerId}`);
    const hidden = page.locator('[data-testid="customer-hidden-tickets"]');
    await hidden.waitFor();
    expect(
      await page.locator('[data-testid="customer-ticket"]').evaluateAll((rows) => rows.map((r) => r.dataset.ticketId)),
    ).toEqual([own]);
    expect(await hidden.textContent()).toBe('2 more tickets you may not open.');

    await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
    await expect.poll(() => hidden.textContent()).toBe('另有 2 个工单您无权查看。');
  });
});
