import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone, anEmail, anSms } from '../support/contacts';
import { aQueue, aSkill, aUser } from '../support/factories';
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

const word = () => `zq${randomBytes(4).toString('hex')}`;

/** An agent (left offline, so nothing is offered) with a skill and a queue needing it: the tickets they may open. */
async function anAgentWithQueue() {
  const skill = await aSkill(db.sql);
  const queueId = await aQueue(db.sql, { skills: [skill] });
  const agent = await aUser(db.sql, 'agent', { skills: [skill] });
  return { agent, queueId };
}

async function openViews(page: Page, agent: { email: string; password: string }) {
  await signInAs(page, server.url, agent);
  await page.click('a[href="/tickets"]');
  await page.locator('[data-testid="ticket-views-page"]').waitFor();
}

const rowNumbers = (page: Page) =>
  page
    .locator('[data-testid="view-ticket-row"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket-id')));

describe('ticket views in Chromium', () => {
  it('when an agent searches the unassigned view in Chinese and in English, then only the matching tickets are listed, and a new ticket appears live', async () => {
    const { agent, queueId } = await anAgentWithQueue();
    const english = word();
    const { ticketId: refund } = await intakeContact(server.ctx, anSms(aPhone(), '您好，如何申请退款？', { queueId }));
    const { ticketId: blender } = await intakeContact(
      server.ctx,
      anEmail(`buyer-${english}@customer.example`, `Blender ${english} broken`, 'The motor stopped.', { queueId }),
    );
    // Someone else's queue: never listed for this agent.
    const { ticketId: elsewhere } = await intakeContact(
      server.ctx,
      anSms(aPhone(), '退款 please', { queueId: await aQueue(db.sql, { skills: [await aSkill(db.sql)] }) }),
    );

    const page = await (await browser.newContext()).newPage();
    await openViews(page, agent);
    await page.click('[data-testid="ticket-view-tab-unassigned"]');
    await expect.poll(() => rowNumbers(page)).toEqual([blender, refund]);

    await page.fill('[data-testid="view-search"]', '退款');
    await expect.poll(() => rowNumbers(page)).toEqual([refund]);
    expect(await rowNumbers(page)).not.toContain(elsewhere);

    await page.fill('[data-testid="view-search"]', english);
    await expect.poll(() => rowNumbers(page)).toEqual([blender]);

    // Live: a new contact for this queue shows up without a reload.
    await page.fill('[data-testid="view-search"]', '');
    await expect.poll(() => rowNumbers(page)).toEqual([blender, refund]);
    const { ticketId: fresh } = await intakeContact(server.ctx, anSms(aPhone(), 'Where is my parcel?', { queueId }));
    await expect.poll(() => rowNumbers(page)).toEqual([fresh, blender, refund]);

    // Assigned to the agent: it leaves unassigned and is in "mine".
    await db.sql`update tickets set assignee_id = ${agent.id}, status = 'open' where id = ${refund}`;
    await page.click('[data-testid="ticket-view-tab-mine"]');
    await expect.poll(() => rowNumbers(page)).toEqual([refund]);
    await page.selectOption('[data-testid="view-filter-channel"]', 'email');
    await expect.poll(() => rowNumbers(page)).toEqual([]);
  });

  it('when an agent tags a ticket, then its chip shows, the views filter by it, and removing it takes it off', async () => {
    const { agent, queueId } = await anAgentWithQueue();
    const tagName = `vip-${word()}`;
    const [{ id: tagId }] = await db.sql<{ id: string }[]>`
      insert into tags (name, color) values (${tagName}, '#aa3300') returning id`;
    const { ticketId: tagged } = await intakeContact(server.ctx, anSms(aPhone(), 'Gold member here', { queueId }));
    const { ticketId: other } = await intakeContact(server.ctx, anSms(aPhone(), 'Another question', { queueId }));

    const page = await (await browser.newContext()).newPage();
    await signInAs(page, server.url, agent);
    await page.goto(`${server.url}/tickets/${tagged}`);
    const tags = page.locator('[data-testid="ticket-tags"]');
    await tags.waitFor();
    await page.selectOption('[data-testid="add-tag-select"]', tagId);
    await page.click('[data-testid="add-tag"]');
    await expect.poll(() => tags.locator('[data-testid="tag-chip"]').allTextContents()).toEqual([`${tagName}×`]);
    expect(await db.sql`select tag_id from ticket_tags where ticket_id = ${tagged}`).toEqual([{ tagId }]);

    await page.click('a[href="/tickets"]');
    await page.click('[data-testid="ticket-view-tab-unassigned"]');
    await expect.poll(async () => (await rowNumbers(page)).sort()).toEqual([other, tagged].sort());
    await page.selectOption('[data-testid="view-filter-tag"]', tagId);
    await expect.poll(() => rowNumbers(page)).toEqual([tagged]);
    expect(await page.locator('[data-testid="view-ticket-row"] [data-testid="tag-chip"]').textContent()).toBe(tagName);

    await page.goto(`${server.url}/tickets/${tagged}`);
    await page.locator('[data-testid="remove-tag"]').click();
    await expect.poll(() => page.locator('[data-testid="ticket-tags"] [data-testid="tag-chip"]').count()).toBe(0);
    expect(await db.sql`select tag_id from ticket_tags where ticket_id = ${tagged}`).toEqual([]);
  });

  it('when a supervisor adds and renames a tag on the tags page, then the list and the report show it', async () => {
    const supervisor = await aUser(db.sql, 'supervisor');
    const name = `refund-${word()}`;
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, server.url, supervisor);
    await page.click('a[href="/tags"]');
    await page.fill('[data-testid="new-tag-name"]', name);
    await page.click('[data-testid="new-tag-submit"]');
    const row = page.locator(`[data-testid="tag-row"][data-tag-name="${name}"]`);
    await row.waitFor();
    await row.locator('[data-testid="tag-name"]').fill(`${name}-退款`);
    await row.locator('[data-testid="tag-save"]').click();
    await page.locator(`[data-testid="tag-row"][data-tag-name="${name}-退款"]`).waitFor();
    expect(await db.sql`select name from tags where name like ${`${name}%`}`).toEqual([{ name: `${name}-退款` }]);
    await page.locator(`[data-testid="tag-report-row"][data-tag-name="${name}-退款"]`).waitFor();
  });
});
