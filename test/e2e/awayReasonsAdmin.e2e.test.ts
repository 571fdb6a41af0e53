import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aUser } from '../support/factories';
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

let contexts: BrowserContext[] = [];
async function newPage(locale = 'en-US') {
  const context = await browser.newContext({ locale });
  contexts.push(context);
  return context.newPage();
}
afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
});

async function awayReasonsAdminPage() {
  const admin = await aUser(db.sql, 'admin');
  const page = await newPage();
  await signInAs(page, server.url, admin);
  await page.click('a[href="/admin/away-reasons"]');
  await page.locator('[data-testid="admin-away-reasons-page"] [data-testid="away-reasons-form"]').waitFor();
  return page;
}

/** Adds a row at the end of the list and types the reason into it. */
async function addReason(page: Page, reason: { code: string; en: string; zhCN: string }) {
  await page.click('[data-testid="away-reason-add"]');
  const row = page.locator('[data-testid="away-reason-row"]').last();
  await row.locator('[data-testid="away-reason-code"]').fill(reason.code);
  await row.locator('[data-testid="away-reason-en"]').fill(reason.en);
  await row.locator('[data-testid="away-reason-zh-CN"]').fill(reason.zhCN);
  return row;
}

const offered = () => db.sql<{ code: string }[]>`select code from away_reasons where active order by position`;

describe('the away reasons admin screen in Chromium', () => {
  it('when an admin adds Coaching / 辅导, moves it up, retires Meeting and saves, then an agent’s presence switch offers it in their language', async () => {
    const agent = await aUser(db.sql, 'agent');
    await db.sql`update users set locale = 'zh-CN' where id = ${agent.id}`;
    const agentPage = await newPage('zh-CN');
    await signInAs(agentPage, server.url, agent);
    const agentSwitch = agentPage.locator('[data-testid="presence-switch"]');
    await agentSwitch.locator('option[value="away:lunch"]').waitFor({ state: 'attached' });
    expect(await agentSwitch.locator('option[value="away:coaching"]').count()).toBe(0);

    const page = await awayReasonsAdminPage();
    const row = await addReason(page, { code: 'coaching', en: 'Coaching', zhCN: '辅导' });
    await row.locator('[data-testid="away-reason-up"]').click();
    await page
      .locator('[data-testid="away-reason-row"][data-key="meeting"] [data-testid="away-reason-retire"]')
      .click();
    await page.click('[data-testid="away-reasons-save"]');
    await page.locator('[data-testid="admin-saved"]').waitFor();

    expect((await offered()).map((r) => r.code)).toEqual(['break', 'lunch', 'training', 'coaching', 'other']);
    const [meeting] = await db.sql`select active from away_reasons where code = 'meeting'`;
    expect(meeting.active).toBe(false);
    // Saved, the new reason's code is fixed, and Meeting stays listed as retired, ready to be restored.
    await page.locator('[data-testid="away-reason-row"][data-key="coaching"]').waitFor();
    await page
      .locator('[data-testid="away-reason-row"][data-key="meeting"] [data-testid="away-reason-restore"]')
      .waitFor();

    // The admin's own switch follows without a reload.
    const adminSwitch = page.locator('[data-testid="presence-switch"]');
    await adminSwitch.locator('option[value="away:coaching"]').waitFor({ state: 'attached' });
    expect(await adminSwitch.locator('option[value="away:coaching"]').textContent()).toBe('Away — Coaching');

    // The agent, signed in all along, finds it on opening their switch; Meeting is gone from it.
    await expect
      .poll(async () => {
        await agentSwitch.blur();
        await agentSwitch.focus();
        return agentSwitch.locator('option[value="away:coaching"]').count();
      })
      .toBe(1);
    expect(await agentSwitch.locator('option[value="away:coaching"]').textContent()).toBe('离开 — 辅导');
    expect(await agentSwitch.locator('option[value="away:meeting"]').count()).toBe(0);
    await agentSwitch.selectOption('away:coaching');
    await expect
      .poll(async () => (await db.sql`select presence, away_reason from users where id = ${agent.id}`)[0])
      .toEqual({ presence: 'away', awayReason: 'coaching' });
  }, 120_000);

  it('when an admin types an invalid code, then the server’s complaint shows by that code and nothing is saved', async () => {
    const before = await offered();
    const page = await awayReasonsAdminPage();
    const row = await addReason(page, { code: 'Coaching Time', en: 'Coaching time', zhCN: '辅导时间' });
    await page.click('[data-testid="away-reasons-save"]');

    const error = row.locator('[data-testid="field-error"][data-field="code"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/lowercase/);
    await page.locator('[data-testid="admin-save-error"]').waitFor();
    expect(await offered()).toEqual(before);
  }, 120_000);
});
