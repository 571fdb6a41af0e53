import fs from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone } from '../support/contacts';
import { aQueue, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  db = await createTestDatabase();
  // No Twilio credentials: texts go through the simulator, which posts the signed SMS webhook as Twilio would.
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '30' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

let contexts: BrowserContext[] = [];
async function newPage(locale = 'en-US') {
  const context = await browser.newContext({ locale, acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}
afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
});

/** A figure of a wall line (a queue id, or 'total'), as the page shows it now. */
const figure = (page: Page, row: string, name: string) =>
  page.locator(`[data-testid="live-wall"] tr[data-row="${row}"] [data-figure="${name}"]`).getAttribute('data-value');

const levelOf = (page: Page, row: string, name: string) =>
  page.locator(`[data-testid="live-wall"] tr[data-row="${row}"] [data-figure="${name}"]`).getAttribute('data-level');

/** A phone texts the company through the simulator (the signed SMS webhook). */
async function text(client: TestClient, body: string) {
  const res = await client.post('/api/simulator/sms', { from: aPhone(), text: body });
  expect(res.status, res.text).toBeLessThan(300);
}

describe('the supervisors’ live wall in Chromium', () => {
  it('when simulated texts arrive and are answered, then the wall’s figures, waits and agents follow live, without a reload', async () => {
    const team = await aTeam(db.sql);
    const queueId = await aQueue(db.sql, { teamId: team, name: '销售 Sales', entryForChannels: ['sms'] });
    const supervisor = await aUser(db.sql, 'supervisor', { teamIds: [team] });
    const agent = await aUser(db.sql, 'agent', { teamIds: [team], name: 'Ann Agent' });
    const admin = await aUser(db.sql, 'admin');
    const phone = await new TestClient(server.url).signIn(supervisor.email, supervisor.password);

    // An admin sets the default thresholds: one contact waiting is a warning, three critical.
    const adminPage = await newPage();
    await signInAs(adminPage, server.url, admin);
    await adminPage.click('a[href="/admin/wall"]');
    const waitingLevels = adminPage.locator('[data-testid="threshold-row"][data-figure="waiting"]');
    await waitingLevels.locator('[data-testid="threshold-warning"]').fill('1');
    await waitingLevels.locator('[data-testid="threshold-critical"]').fill('3');
    await adminPage.click('[data-testid="threshold-save"]');
    await adminPage.locator('[data-testid="admin-saved"]').waitFor();

    const wall = await newPage();
    await signInAs(wall, server.url, supervisor);
    await wall.click('a[href="/supervisor"]');
    await wall.evaluate(() => ((window as unknown as { loadMarker: number }).loadMarker = 19));
    await expect.poll(() => figure(wall, queueId, 'offered')).toBe('0');
    expect(await figure(wall, queueId, 'waiting')).toBe('0');
    expect(await figure(wall, queueId, 'longestWaitSeconds')).toBe('');

    // Nobody is available: the first text waits in the queue, and its wait ticks on the wall.
    await text(phone, '我的订单还没到');
    await expect.poll(() => figure(wall, queueId, 'waiting')).toBe('1');
    expect(await figure(wall, queueId, 'offered')).toBe('1');
    // Past the warning threshold: amber, and the console says so.
    expect(await levelOf(wall, queueId, 'waiting')).toBe('warning');
    // The queue's own notice (the total, one contact waiting in all, may say so too).
    const notice = wall.locator('[data-testid="wall-notice"][data-level="warning"]', {
      hasText: 'Waiting in 销售 Sales is 1',
    });
    await notice.waitFor();
    expect(await figure(wall, 'total', 'offered')).toBe('1');
    const waitingRow = wall.locator(`[data-testid="waiting-row"][data-queue-id="${queueId}"]`);
    await waitingRow.waitFor();
    const waited = Number(await figure(wall, queueId, 'longestWaitSeconds'));
    await expect.poll(async () => Number(await figure(wall, queueId, 'longestWaitSeconds'))).toBeGreaterThan(waited);

    // The supervisor takes it: answered, nobody waits.
    await waitingRow.locator('[data-testid="take-contact"]').click();
    await expect.poll(() => figure(wall, queueId, 'answered')).toBe('1');
    await expect.poll(() => figure(wall, queueId, 'waiting')).toBe('0');
    expect(await figure(wall, queueId, 'longestWaitSeconds')).toBe('');
    expect(await levelOf(wall, queueId, 'waiting')).toBe('normal');
    await wall.locator('[data-testid="waiting-none"]').waitFor();

    // The agent comes in; the second text is offered to them and accepted in their console.
    const agentPage = await newPage();
    await signInAs(agentPage, server.url, agent);
    await agentPage.selectOption('[data-testid="presence-switch"]', 'available');
    const agentRow = wall.locator(`tr[data-testid="agent-row"][data-agent-id="${agent.id}"]`);
    await expect.poll(() => agentRow.getAttribute('data-state')).toBe('available');

    await text(phone, 'Where is my parcel?');
    await expect.poll(() => figure(wall, queueId, 'offered')).toBe('2');
    await agentPage.locator('[data-testid="screen-pop"]').waitFor({ timeout: 15_000 });
    await agentPage.click('[data-testid="accept-offer"]');
    await expect.poll(() => figure(wall, queueId, 'answered')).toBe('2');
    expect(await figure(wall, 'total', 'answered')).toBe('2');
    await expect.poll(() => agentRow.getAttribute('data-state')).toBe('handling');
    expect(await agentRow.locator('[data-testid="agent-contact"]').count()).toBe(1);

    // The supervisor sends the agent away (they left without saying so): no more offers for them.
    await agentRow.locator('[data-testid="agent-set-state"]').selectOption('away');
    await expect.poll(() => agentRow.getAttribute('data-presence')).toBe('away');
    expect((await db.sql`select presence from users where id = ${agent.id}`)[0].presence).toBe('away');

    // By channel: both texts are SMS.
    await wall.click('[data-testid="wall-scope"] [data-value="channel"]');
    await expect.poll(() => figure(wall, 'sms', 'offered')).toBe('2');
    expect(await figure(wall, 'voice', 'offered')).toBe('0');

    // The wallboard: the same figures over the whole window, none of the console around them.
    await wall.click('[data-testid="open-wallboard"]');
    const board = wall.locator('[data-testid="wallboard"]');
    const answeredTile = board.locator('[data-testid="wall-tile"][data-figure="answered"] .wall-figure');
    await expect.poll(() => answeredTile.getAttribute('data-value')).toBe('2');
    const viewport = wall.viewportSize()!;
    expect(await board.boundingBox()).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
    expect(await wall.locator('[data-testid="wallboard-fullscreen"]').isVisible()).toBe(true);

    expect(await wall.evaluate(() => (window as unknown as { loadMarker?: number }).loadMarker)).toBe(19);
  }, 120_000);

  it('when a supervisor reads the reports in Chinese, then the day’s figures agree with the wall, with charts and a CSV download', async () => {
    const team = await aTeam(db.sql);
    const queueId = await aQueue(db.sql, { teamId: team, name: '客服 Support', entryForChannels: ['sms'] });
    const supervisor = await aUser(db.sql, 'supervisor', { teamIds: [team] });
    const agent = await aUser(db.sql, 'agent', { teamIds: [team], name: '王芳' });
    const phone = await new TestClient(server.url).signIn(supervisor.email, supervisor.password);
    // Texts land in this test's queue; the first test's belongs to another team, which this supervisor does not see.
    await db.sql`update queues set entry_for_channels = '{}' where id <> ${queueId}`;

    const page = await newPage('zh-CN');
    await signInAs(page, server.url, supervisor);
    await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
    await page.click('a[href="/supervisor"]');
    await text(phone, '请回电');
    await expect.poll(() => figure(page, queueId, 'offered')).toBe('1');
    // The supervisor gives the waiting text to an agent.
    const waitingRow = page.locator('[data-testid="waiting-row"]');
    await waitingRow.locator('[data-testid="reassign-agent"]').selectOption(agent.id);
    await waitingRow.locator('[data-testid="reassign-contact"]').click();
    await expect.poll(() => figure(page, queueId, 'answered')).toBe('1');
    const agentRow = page.locator(`tr[data-testid="agent-row"][data-agent-id="${agent.id}"]`);
    await expect.poll(() => agentRow.locator('[data-testid="agent-contact"]').count()).toBe(1);
    expect(await page.locator('[data-testid="live-wall"] thead').textContent()).toContain('服务水平');

    await page.click('a[href="/reports"]');
    const totals = page.locator('[data-testid="report-contacts-table-totals"]');
    await totals.waitFor();
    expect(await totals.locator('[data-column="offered"]').textContent()).toBe('1');
    expect(await totals.locator('[data-column="answered"]').textContent()).toBe('1');
    expect(await page.locator('[data-testid="report-contacts-table"] thead').textContent()).toContain('进线');
    // recharts drew the chart, its legend in Chinese.
    const chart = page.locator('[data-testid="report-contacts-chart"]');
    await chart.locator('svg.recharts-surface').first().waitFor();
    expect(await chart.textContent()).toContain('短信');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="report-contacts-table-csv"]'),
    ]);
    const csv = await fs.readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('客服 Support');
    expect(csv.split('\r\n')[0]).toContain('服务水平 (%)');

    // The other sections, charted and in Chinese: service level and times per interval, the agents with their time in
    // each state, and the SLA and survey results those modules answer with.
    await page.locator('[data-testid="report-service-chart"] svg.recharts-surface').first().waitFor();
    const agents = page.locator('[data-testid="report-agents"]');
    await agents.locator('[data-testid="report-agents-chart"] svg.recharts-surface').first().waitFor();
    expect(await agents.locator('thead').textContent()).toContain('话后处理');
    expect(await page.locator('[data-testid="report-sla"] h2').textContent()).toBe('SLA 结果');
    expect(await page.locator('[data-testid="report-surveys"] h2').textContent()).toBe('满意度调查结果');
    // By the quarter hour: the same contact, in finer intervals.
    await page.selectOption('[data-testid="report-interval"]', '15m');
    await expect.poll(() => page.locator('[data-testid="reports-page"]').getAttribute('data-interval')).toBe('15m');
    await expect.poll(() => totals.locator('[data-column="offered"]').textContent()).toBe('1');
  }, 120_000);
});
