import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/net/freePort';
import { launchChromium, signInAs } from '../support/browser';
import { aTeam, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let env: Record<string, string>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  db = await createTestDatabase();
  // A fixed port, so the restarted server is where the console expects it.
  env = testEnv(db.url, { PORT: String(await freePort()), PRESENCE_GRACE_SECONDS: '30' });
  server = await startTestServer(env);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

async function signIn(page: Page, user: { email: string; password: string }) {
  await signInAs(page, server.url, user);
  // Marks this page load; a reload would lose it.
  await page.evaluate(() => ((window as unknown as { loadMarker: number }).loadMarker = 42));
}
const sameLoad = (page: Page) => page.evaluate(() => (window as unknown as { loadMarker?: number }).loadMarker === 42);
const agentRow = (page: Page, email: string) =>
  page.locator(`tr[data-testid="agent-row"][data-agent-email="${email}"]`);

describe('the agent console in Chromium', () => {
  it('when an agent signs in and switches presence, then the supervisor’s monitor updates live, and both survive a server restart without reloading', async () => {
    const team = await aTeam(db.sql);
    const agent = await aUser(db.sql, 'agent', { teamIds: [team], name: 'Alice Example' });
    const supervisor = await aUser(db.sql, 'supervisor', { teamIds: [team] });

    const supervisorPage = await (await browser.newContext()).newPage();
    await signIn(supervisorPage, supervisor);
    await supervisorPage.click('a[href="/supervisor"]');
    await expect.poll(() => agentRow(supervisorPage, agent.email).getAttribute('data-presence')).toBe('offline');

    const agentPage = await (await browser.newContext()).newPage();
    const wrong = await agentPage.goto(server.url).then(async () => {
      await agentPage.fill('input[name="email"]', agent.email);
      await agentPage.fill('input[name="password"]', 'not-the-password');
      await agentPage.click('button[type="submit"]');
      return agentPage.locator('[role="alert"]').textContent();
    });
    expect(wrong).toBeTruthy();
    await signIn(agentPage, agent);
    await agentPage.waitForSelector('[data-testid="inbox-empty"]');
    // Agents have no supervisor page.
    expect(await agentPage.locator('a[href="/supervisor"]').count()).toBe(0);

    await agentPage.selectOption('[data-testid="presence-switch"]', 'available');
    await expect.poll(() => agentRow(supervisorPage, agent.email).getAttribute('data-presence')).toBe('available');
    expect((await db.sql`select presence from users where id = ${agent.id}`)[0].presence).toBe('available');

    // Restart the server under the open consoles.
    await server.stop();
    await expect
      .poll(() => agentPage.getAttribute('[data-testid="connection-status"]', 'data-state'))
      .toBe('reconnecting');
    server = await startTestServer(env);
    await expect
      .poll(() => agentPage.getAttribute('[data-testid="connection-status"]', 'data-state'), { timeout: 20_000 })
      .toBe('connected');
    await expect
      .poll(() => supervisorPage.getAttribute('[data-testid="connection-status"]', 'data-state'), { timeout: 20_000 })
      .toBe('connected');

    await agentPage.selectOption('[data-testid="presence-switch"]', 'away');
    await expect.poll(() => agentRow(supervisorPage, agent.email).getAttribute('data-presence')).toBe('away');
    expect(await sameLoad(agentPage)).toBe(true);
    expect(await sameLoad(supervisorPage)).toBe(true);
  });

  it('when the agent picks 简体中文, then the interface speaks Chinese and the choice is kept on the server', async () => {
    const agent = await aUser(db.sql, 'agent');
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signIn(page, agent);
    await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    const labels = await page.locator('[data-testid="presence-switch"] option').allTextContents();
    expect(labels.join(' ')).toMatch(/可用/);
    expect(labels.join(' ')).toMatch(/离线/);
    await expect
      .poll(async () => (await db.sql`select locale from users where id = ${agent.id}`)[0].locale)
      .toBe('zh-CN');
  });
});
