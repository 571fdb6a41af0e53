import type { Browser, Page } from 'playwright-core';
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
  server = await startTestServer(testEnv(db.url));
  browser = await launchChromium();
  await aQueue(db.sql, { name: 'Phone entry for everything else', entryForChannels: ['voice'] });
  await aQueue(db.sql, { name: 'Billing and refunds (second line)' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

/**
 * The selects of the phone line form whose chosen text does not fit although there is room: each select's width
 * against the width of its chosen option's text in the select's own font, plus its padding and the arrow. A select
 * as wide as its section (a long queue name on a phone) is as wide as it can be.
 */
const cutOffSelects = (page: Page) =>
  page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d')!;
    return [...document.querySelectorAll<HTMLSelectElement>('[data-testid="ivr-editor"] select')]
      .map((select) => {
        const style = getComputedStyle(select);
        context.font = style.font;
        const text = select.selectedOptions[0]?.text ?? '';
        const needed =
          context.measureText(text).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 20;
        const section = select.closest<HTMLElement>('fieldset, form')!;
        const sectionStyle = getComputedStyle(section);
        const room = section.clientWidth - parseFloat(sectionStyle.paddingLeft) - parseFloat(sectionStyle.paddingRight);
        return { text, width: select.offsetWidth, needed: Math.ceil(needed), room: Math.floor(room) };
      })
      .filter(({ width, needed, room }) => width < needed && width < room);
  });

describe('the phone line page’s choices', () => {
  for (const width of [1280, 1024, 390]) {
    it(`when an admin edits the menu ${width} px wide, then every chosen option shows in full and the page does not scroll sideways`, async () => {
      const admin = await aUser(db.sql, 'admin');
      const page = await (await browser.newContext({ locale: 'en-US', viewport: { width, height: 900 } })).newPage();
      await signInAs(page, server.url, admin);
      await page.goto(`${server.url}/admin/phone`);
      await page.locator('[data-testid="ivr-option"]').first().waitFor();
      const first = page.locator('[data-testid="ivr-option"]').first();
      await first
        .locator('[data-testid="ivr-option-queue"]')
        .selectOption({ label: 'Billing and refunds (second line)' });

      // The language and hours of the line, and an action and a queue per menu option.
      expect(await page.locator('[data-testid="ivr-editor"] select').count()).toBeGreaterThanOrEqual(6);
      expect(await cutOffSelects(page)).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBe(0);
    });
  }
});
