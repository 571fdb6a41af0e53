import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone } from '../support/contacts';
import { aCustomer, aUser } from '../support/factories';
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

// One of Twilio's test numbers: the (simulated) Messages API refuses every text to it.
const UNREACHABLE = '+15005550009';

describe('the Mass SMS statistics chart', () => {
  it('when a campaign has sent, delivered and failed texts, then the chart shows today’s figures as the table does, labelled, in the bars’ order', async () => {
    const supervisor = await aUser(db.sql, 'supervisor');
    const customerIds = [
      await aCustomer(db.sql, { phone: aPhone() }),
      await aCustomer(db.sql, { phone: aPhone() }),
      await aCustomer(db.sql, { phone: UNREACHABLE }),
    ];
    const page = await (
      await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signInAs(page, server.url, supervisor);
    const status = await page.evaluate(async (ids) => {
      const answer = await fetch('/api/sms-campaigns', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Spring sale', text: 'Spring sale: 20% off until Sunday.', customerIds: ids }),
      });
      return answer.status;
    }, customerIds);
    expect(status).toBe(201);
    await expect
      .poll(
        async () =>
          (
            await db.sql`select count(*)::int as n from sms_campaign_recipients where status in ('delivered', 'failed')`
          )[0].n,
      )
      .toBe(3);

    await page.click('.side-nav a[href="/campaigns"]');
    await page.click('[data-testid="campaigns-tab-stats"]');
    const chart = page.locator('figure[data-testid="stats-chart"]');
    await chart.waitFor();
    expect(await chart.locator('figcaption').textContent()).toBe('Sent, delivered and failed texts per period');
    expect(await chart.locator('.recharts-legend-item-text').allTextContents()).toEqual([
      'Sent',
      'Delivered',
      'Failed',
    ]);
    expect(await chart.locator('.recharts-label').allTextContents()).toEqual(['Period', 'Texts']);

    const today = page.locator('[data-testid="stats-period-row"]').last();
    const figure = async (kind: string) => Number(await today.locator(`[data-kind="${kind}"]`).textContent());
    const [sent, delivered, failed] = [await figure('sent'), await figure('delivered'), await figure('failed')];
    expect(delivered).toBe(2);
    expect(failed).toBe(1);

    // Today's group is the last on the chart: its sent bar shows today's three figures on hover.
    await chart.locator('.recharts-bar-rectangle').first().hover();
    const tooltip = chart.locator('.recharts-tooltip-wrapper');
    await expect.poll(() => tooltip.textContent()).toContain(`Sent : ${sent}`);
    expect(await tooltip.textContent()).toContain(`Delivered : ${delivered}`);
    expect(await tooltip.textContent()).toContain(`Failed : ${failed}`);
  });
});
