import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aTeam, aUser } from '../support/factories';
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

describe('away with a reason in Chromium', () => {
  it('when the agent picks Lunch in their presence switch, then the supervisor’s wall shows “Away — Lunch” live, in their language', async () => {
    const team = await aTeam(db.sql);
    const supervisor = await aUser(db.sql, 'supervisor', { teamIds: [team] });
    await db.sql`update users set locale = 'zh-CN' where id = ${supervisor.id}`;
    const agent = await aUser(db.sql, 'agent', { teamIds: [team], name: 'Ann Agent' });

    const wall = await newPage('zh-CN');
    await signInAs(wall, server.url, supervisor);
    await wall.click('a[href="/supervisor"]');
    const agentRow = wall.locator(`tr[data-testid="agent-row"][data-agent-id="${agent.id}"]`);
    await expect.poll(() => agentRow.getAttribute('data-state')).toBe('offline');

    const agentPage = await newPage();
    await signInAs(agentPage, server.url, agent);
    const presence = agentPage.locator('[data-testid="presence-switch"]');
    await presence.selectOption('available');
    await expect.poll(() => agentRow.getAttribute('data-state')).toBe('available');

    // The switch lists the reasons under Away; the agent picks Lunch.
    await presence.locator('option[value="away:lunch"]').waitFor({ state: 'attached' });
    expect(await presence.locator('option[value="away:lunch"]').textContent()).toBe('Away — Lunch');
    await presence.selectOption({ label: 'Away — Lunch' });
    await expect.poll(() => presence.inputValue()).toBe('away:lunch');

    // The wall follows without a reload: the state in the supervisor's language, and the time in it.
    await expect.poll(() => agentRow.getAttribute('data-away-reason')).toBe('lunch');
    expect(await agentRow.locator('[data-testid="agent-state"]').textContent()).toBe('离开 — 午餐');
    expect(await agentRow.locator('[data-testid="agent-set-state"]').inputValue()).toBe('away:lunch');
    await agentRow.locator('[data-testid="agent-time-in-state"]').waitFor();

    // A supervisor sends them to training from the wall; the agent's own switch follows.
    await agentRow.locator('[data-testid="agent-set-state"]').selectOption('away:training');
    await expect.poll(() => agentRow.getAttribute('data-away-reason')).toBe('training');
    await expect.poll(() => presence.inputValue()).toBe('away:training');
    const [row] = await db.sql`select presence, away_reason from users where id = ${agent.id}`;
    expect(row).toEqual({ presence: 'away', awayReason: 'training' });
  }, 120_000);
});
