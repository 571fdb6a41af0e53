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
  server = await startTestServer(testEnv(db.url));
  browser = await launchChromium();
  await aQueue(db.sql, { entryForChannels: ['sms'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

/**
 * How far the page is wider than the screen (0: no sideways scrolling: scrollWidth <= clientWidth) and, when it is,
 * the first element sticking out, to say why.
 */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    const by = Math.max(0, scrollWidth - clientWidth);
    const culprit =
      by > 0
        ? [...document.querySelectorAll<HTMLElement>('body *')].find(
            (element) => element.getBoundingClientRect().right > clientWidth + 1,
          )
        : undefined;
    return { by, culprit: culprit ? `${culprit.tagName}.${culprit.className}` : null };
  });

describe('the console on a 390 px wide phone', () => {
  it('when an agent works from a phone, then the inbox and a ticket fit the screen and the navigation folds behind a button', async () => {
    const agent = await aUser(db.sql, 'agent', { name: 'Alexandra Konstantinopoulou-Whitfield' });
    const { ticketId } = await intakeContact(
      server.ctx,
      anSms(
        aPhone(),
        'My order #44118822 from the spring catalogue never arrived, and the courier says it was delivered.',
      ),
    );
    await db.sql`update tickets set assignee_id = ${agent.id} where id = ${ticketId}`;
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } })).newPage();
    await signInAs(page, server.url, agent);

    await page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`).waitFor();
    expect(await overflow(page)).toEqual({ by: 0, culprit: null });

    // The navigation is folded away; the button opens it, and choosing a page folds it again.
    const navLink = page.locator('.side-nav a[href="/customers"]');
    expect(await navLink.isVisible()).toBe(false);
    const toggle = page.locator('[data-testid="nav-toggle"]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await navLink.click();
    await page.locator('[data-testid="customer-search"]').waitFor();
    expect(await navLink.isVisible()).toBe(false);
    expect(await overflow(page)).toEqual({ by: 0, culprit: null });

    await page.goto(`${server.url}/tickets/${ticketId}`);
    await page.locator('[data-testid="ticket-view"]').waitFor();
    await page.locator('[data-testid="message"]').first().waitFor();
    expect(await overflow(page)).toEqual({ by: 0, culprit: null });
  });

  it('when the screen is wide, then the navigation stays beside the page without a menu button', async () => {
    const agent = await aUser(db.sql, 'agent');
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInAs(page, server.url, agent);
    expect(await page.locator('.side-nav a[href="/customers"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="nav-toggle"]').isVisible()).toBe(false);
  });
});
