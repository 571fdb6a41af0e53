import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { runRoutingPass } from '../../server/routing/routingPass';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone, anSms } from '../support/contacts';
import { aQueue, aSkill, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let admin: { email: string; password: string };

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '60' }));
  browser = await launchChromium();
  admin = await aUser(db.sql, 'admin', { name: 'Ada Admin' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

// Each test's windows, closed after it.
let contexts: BrowserContext[] = [];
async function newPage() {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}
afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
});

async function adminPage(path: string, pageTestId: string) {
  const page = await newPage();
  // Deleting asks for confirmation; the tests confirm.
  page.on('dialog', (dialog) => void dialog.accept());
  await signInAs(page, server.url, admin);
  await page.click(`a[href="${path}"]`);
  await page.locator(`[data-testid="${pageTestId}"]`).waitFor();
  return page;
}

const checkbox = (within: Page | Locator, listTestId: string, value: string) =>
  within.locator(`[data-testid="${listTestId}"] input[data-value="${value}"]`);

describe('the admin screens in Chromium', () => {
  it('when an admin adds an agent and then gives them the skill a queue requires, then the agent, available, is offered that queue’s SMS', async () => {
    const billing = await aSkill(db.sql, 'billing');
    const queue = await aQueue(db.sql, { name: 'Billing', skills: [billing] });
    const page = await adminPage('/admin/users', 'admin-users-page');

    await page.click('[data-testid="add-user"]');
    const form = page.locator('[data-testid="user-form"]');
    await form.locator('[data-testid="user-name"]').fill('Nora New');
    await form.locator('[data-testid="user-email"]').fill('nora@example.com');
    await form.locator('[data-testid="user-password"]').fill('nora-password-1');
    await form.locator('[data-testid="user-capacity-sms"]').fill('2');
    await form.locator('[data-testid="user-save"]').click();
    const row = page.locator('[data-testid="user-row"][data-email="nora@example.com"]');
    await row.waitFor();
    const [nora] = await db.sql<
      { id: string; role: string; capacitySms: number }[]
    >`select id, role, capacity_sms from users where email = 'nora@example.com'`;
    expect(nora).toMatchObject({ role: 'agent', capacitySms: 2 });

    // Nora is available, an SMS waits in Billing: she lacks the skill, so a routing pass offers it to nobody.
    const agentPage = await newPage();
    await signInAs(agentPage, server.url, { email: 'nora@example.com', password: 'nora-password-1' });
    await agentPage.selectOption('[data-testid="presence-switch"]', 'available');
    await expect
      .poll(async () => (await db.sql`select presence from users where id = ${nora.id}`)[0].presence)
      .toBe('available');
    const { ticketId } = await intakeContact(
      server.ctx,
      anSms(aPhone(), 'Why was I charged twice?', { queueId: queue }),
    );
    expect((await runRoutingPass(server.ctx)).filter((offer) => offer.ticketId === ticketId)).toEqual([]);

    // The admin gives her the skill: the waiting SMS pops on her screen.
    const edit = page.locator('[data-testid="user-form"]');
    await expect.poll(() => edit.locator('h2').textContent()).toBe('Nora New');
    await checkbox(edit, 'user-skills', 'billing').check();
    await edit.locator('[data-testid="user-save"]').click();
    await edit.locator('[data-testid="admin-saved"]').waitFor();
    const pop = agentPage.locator('[data-testid="screen-pop"]');
    await pop.waitFor();
    expect(await pop.textContent()).toContain('Why was I charged twice?');

    // The audit view of the user lists the change: skills from none to billing, by the admin.
    const change = page.locator('[data-testid="admin-audit-entry"][data-action="user.updated"]').first();
    await change.waitFor();
    expect(await change.textContent()).toMatch(/Skills:\s*—\s*→\s*billing/);
    expect(await change.textContent()).toContain('Ada Admin');
  });

  it('when an admin types a malformed phone number, then the server’s error shows by that field and nothing is saved', async () => {
    const agent = await aUser(db.sql, 'agent', { name: 'Phil Phone' });
    const page = await adminPage('/admin/users', 'admin-users-page');
    await page.locator(`[data-testid="user-row"][data-email="${agent.email}"] button`).click();
    const form = page.locator('[data-testid="user-form"]');
    await form.locator('[data-testid="user-phone"]').fill('0415 555');
    await form.locator('[data-testid="user-save"]').click();
    const error = form.locator('[data-testid="field-error"][data-field="phoneNumber"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('E.164');
    // Right by the field: inside the same label as the phone input.
    expect(await form.locator('label:has([data-testid="user-phone"]) [data-testid="field-error"]').count()).toBe(1);
    expect((await db.sql`select phone_number from users where id = ${agent.id}`)[0].phoneNumber).toBeNull();
  });

  it('when an admin makes a calendar with an overnight interval and a holiday and gives it to a queue, then the queue follows it and both audits list the change', async () => {
    const queue = await aQueue(db.sql, { name: 'Night line' });
    const hoursPage = await adminPage('/admin/hours', 'admin-hours-page');
    await hoursPage.click('[data-testid="add-calendar"]');
    const form = hoursPage.locator('[data-testid="calendar-form"]');
    await form.locator('[data-testid="calendar-name"]').fill('Night desk');
    await form.locator('[data-testid="calendar-timezone"]').fill('Europe/Paris');
    // Saturday: 22:00 until 06:00 on Sunday, besides the weekdays' 09:00–17:00.
    const saturday = form.locator('[data-testid="week-day"][data-weekday="6"]');
    await saturday.locator('[data-testid="interval-add"]').click();
    await saturday.locator('[data-testid="interval-opens"]').fill('22:00');
    await saturday.locator('[data-testid="interval-closes"]').fill('06:00');
    expect(await saturday.textContent()).toContain('closes the next day');
    // First an overlap on Friday, which the server refuses by that interval.
    const friday = form.locator('[data-testid="week-day"][data-weekday="5"]');
    await friday.locator('[data-testid="interval-add"]').click();
    await friday.locator('[data-testid="interval-opens"]').nth(1).fill('16:00');
    await friday.locator('[data-testid="interval-closes"]').nth(1).fill('18:00');
    await form.locator('[data-testid="holiday-add"]').click();
    await form.locator('[data-testid="holiday-day"]').fill('2026-12-25');
    await form.locator('[data-testid="holiday-name"]').fill('Christmas Day');
    await form.locator('[data-testid="calendar-save"]').click();
    const overlap = friday.locator('[data-testid="field-error"]');
    await overlap.waitFor();
    expect(await overlap.textContent()).toContain('overlaps another interval');
    expect(await db.sql`select 1 from business_hours where name = 'Night desk'`).toHaveLength(0);

    await friday.locator('[data-testid="interval-remove"]').nth(1).click();
    await form.locator('[data-testid="calendar-save"]').click();
    await hoursPage.locator('[data-testid="calendar-row"][data-name="Night desk"]').waitFor();
    await hoursPage.locator('[data-testid="admin-audit-entry"][data-action="business_hours.created"]').waitFor();
    const [calendar] = await db.sql<{ id: string }[]>`select id from business_hours where name = 'Night desk'`;
    const stored = await db.sql<{ weekday: number; opens: string; closes: string }[]>`
      select weekday, to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes
      from business_hours_intervals where business_hours_id = ${calendar.id} and weekday = 6`;
    expect(stored).toEqual([{ weekday: 6, opens: '22:00', closes: '06:00' }]);

    const queuesPage = await adminPage('/admin/queues', 'admin-queues-page');
    await queuesPage.locator('[data-testid="queue-row"][data-name="Night line"] button').click();
    const queueForm = queuesPage.locator('[data-testid="queue-form"]');
    await queueForm.locator('[data-testid="queue-hours"]').selectOption({ label: 'Night desk (Europe/Paris)' });
    expect(await queueForm.locator('[data-testid="queue-hours-summary"]').textContent()).toContain(
      'Sat 22:00–06:00 (next day)',
    );
    await queueForm.locator('[data-testid="queue-priority"]').fill('5');
    await queueForm.locator('[data-testid="queue-save"]').click();
    await queueForm.locator('[data-testid="admin-saved"]').waitFor();
    expect((await db.sql`select business_hours_id, priority from queues where id = ${queue}`)[0]).toEqual({
      businessHoursId: calendar.id,
      priority: 5,
    });
    const row = queuesPage.locator('[data-testid="queue-row"][data-name="Night line"]');
    await expect.poll(() => row.textContent()).toContain('Night desk');

    const change = queuesPage.locator('[data-testid="admin-audit-entry"][data-action="queue.updated"]').first();
    await change.waitFor();
    const text = await change.textContent();
    expect(text).toMatch(/Business hours:\s*—\s*→\s*Night desk/);
    expect(text).toMatch(/Priority:\s*0\s*→\s*5/);
  });

  it('when an admin renames a team, adds its members and tries to delete a skill a queue needs, then the members are kept and the refusal is shown', async () => {
    const agent = await aUser(db.sql, 'agent', { name: 'Tess Team' });
    const skill = await aSkill(db.sql, 'spanish');
    await aQueue(db.sql, { name: 'Español', skills: [skill] });
    const page = await adminPage('/admin/teams', 'admin-teams-page');
    await page.fill('[data-testid="new-team-name"]', 'Weekend crew');
    await page.click('[data-testid="new-team-create"]');
    const form = page.locator('[data-testid="team-form"]');
    await form.waitFor();
    await form.locator('[data-testid="team-name"]').fill('Weekend team');
    await checkbox(form, 'team-members', agent.id).check();
    await form.locator('[data-testid="team-save"]').click();
    await form.locator('[data-testid="admin-saved"]').waitFor();
    const [team] = await db.sql<{ id: string }[]>`select id from teams where name = 'Weekend team'`;
    expect(await db.sql`select user_id from team_members where team_id = ${team.id}`).toEqual([{ userId: agent.id }]);
    await page.locator('[data-testid="admin-audit-entry"][data-action="team.updated"]').waitFor();

    await page.locator('[data-testid="skill-row"][data-name="spanish"] button').click();
    await page.click('[data-testid="skill-delete"]');
    const refusal = page.locator('[data-testid="skill-form"] [data-testid="admin-save-error"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Español');
    expect(await db.sql`select 1 from skills where name = 'spanish'`).toHaveLength(1);
  });
});
