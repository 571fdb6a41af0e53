import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { businessHoursInput, createBusinessHours } from '../../server/settings/businessHoursSettings';
import { insertSlaPolicy } from '../../server/sla/slaPolicies';
import { slaPolicyInput } from '../../server/sla/slaPolicyInput';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone, anSms } from '../support/contacts';
import { aQueue, aTeam, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let admin: Awaited<ReturnType<typeof aUser>>;
let supervisor: Awaited<ReturnType<typeof aUser>>;
/** A queue of the supervisor's team: its tickets are theirs to watch. */
let queueId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  browser = await launchChromium();
  admin = await aUser(db.sql, 'admin', { name: 'Ada Admin' });
  const teamId = await aTeam(db.sql);
  supervisor = await aUser(db.sql, 'supervisor', { name: 'Sam Supervisor', teamIds: [teamId] });
  queueId = await aQueue(db.sql, { name: 'Parcels', teamId });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

let contexts: BrowserContext[] = [];
async function signedIn(user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signInAs(page, server.url, user);
  return page;
}
afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
});

const attribute = (page: Page, selector: string, name: string) => page.locator(selector).first().getAttribute(name);

describe('SLA in the console, in Chromium', () => {
  it('when an admin writes a policy, then a bad recipient is refused by its field, and once saved the preview shows when a ticket would be due', async () => {
    const page = await signedIn(admin);
    await page.click('a[href="/admin/sla-policies"]');
    await page.locator('[data-testid="sla-policies-page"]').waitFor();

    await page.click('[data-testid="add-policy"]');
    const form = page.locator('[data-testid="sla-policy-form"]');
    await form.locator('[data-testid="policy-name"]').fill('Email desk');
    await form.locator('[data-testid="policy-channels"] input[data-value="email"]').check();
    await form.locator('[data-testid="policy-firstResponseMinutes"]').fill('90');
    await form.locator('[data-testid="policy-resolutionMinutes"]').fill('480');
    await form.locator('[data-testid="policy-warnMinutesBefore"]').fill('15');
    await form.locator('[data-testid="policy-sms-recipients"]').fill('0415 555');
    await form.locator('[data-testid="policy-save"]').click();
    // The server's complaint sits by the recipients' field, and nothing is saved.
    const error = form.locator('label:has([data-testid="policy-sms-recipients"]) [data-testid="field-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('E.164');
    expect(await db.sql`select 1 from sla_policies where name = 'Email desk'`).toHaveLength(0);

    await form.locator('[data-testid="policy-sms-recipients"]').fill('+14155550100');
    await form.locator('[data-testid="policy-save"]').click();
    await page.locator('[data-testid="sla-policy-row"][data-name="Email desk"]').waitFor();

    // An email ticket on a Friday afternoon, no queue: around the clock, so 90 minutes later.
    const preview = page.locator('[data-testid="sla-preview"]');
    await preview.locator('[data-testid="preview-channel"]').selectOption('email');
    await preview.locator('[data-testid="preview-created-at"]').fill('2026-03-06T16:30');
    const createdAt = await page.evaluate(() => new Date('2026-03-06T16:30').getTime());
    const firstResponse = preview.locator('[data-testid="preview-target"][data-target="first_response"]');
    await firstResponse.waitFor();
    expect(await preview.locator('[data-testid="preview-result"]').textContent()).toContain('Policy: Email desk');
    expect(Date.parse((await firstResponse.getAttribute('data-due'))!)).toBe(createdAt + 90 * 60_000);
    expect(await firstResponse.textContent()).toContain('First response (90 min) would be due at');
    const resolution = preview.locator('[data-testid="preview-target"][data-target="resolution"]');
    expect(Date.parse((await resolution.getAttribute('data-due'))!)).toBe(createdAt + 480 * 60_000);

    // Editing the policy changes the preview at once.
    await page.click('[data-testid="sla-policy-row"][data-name="Email desk"] button');
    const edit = page.locator('[data-testid="sla-policy-form"]');
    await expect.poll(() => edit.locator('h2').textContent()).toBe('Email desk');
    await edit.locator('[data-testid="policy-firstResponseMinutes"]').fill('30');
    await edit.locator('[data-testid="policy-save"]').click();
    await edit.locator('[data-testid="admin-saved"]').waitFor();
    await expect
      .poll(async () => Date.parse((await firstResponse.getAttribute('data-due'))!))
      .toBe(createdAt + 30 * 60_000);

    // An SMS ticket matches no policy.
    await preview.locator('[data-testid="preview-channel"]').selectOption('sms');
    await expect.poll(() => preview.locator('[data-testid="preview-result"]').textContent()).toContain('No policy');
  });

  it('when a ticket’s first response comes due, then its badge counts down, turns amber at the warning and red at the due time, an alarm pops, and the supervisors’ at-risk view lists it live', async () => {
    // One minute to answer an SMS, a warning once half of it is used.
    await db.sql.begin((tx) =>
      insertSlaPolicy(
        tx,
        slaPolicyInput.parse({
          name: 'SMS minute',
          channels: ['sms'],
          firstResponseMinutes: 1,
          warnPercentUsed: 50,
        }),
        admin.id,
      ),
    );
    const atRisk = await signedIn(supervisor);
    await atRisk.click('a[href="/sla"]');
    await atRisk.locator('[data-testid="sla-at-risk-page"]').waitFor();

    const { ticketId } = await intakeContact(server.ctx, anSms(aPhone(), 'Is my parcel lost?', { queueId }));
    const rowOnRisk = atRisk.locator(`[data-testid="sla-at-risk-row"][data-ticket-id="${ticketId}"]`);
    expect(await rowOnRisk.count()).toBe(0);

    const page = await signedIn(supervisor);
    await page.goto(`${server.url}/tickets/${ticketId}`);
    const badge = '[data-testid="ticket-view"] [data-testid="sla-badge"]';
    await page.locator(badge).waitFor();
    expect(await attribute(page, badge, 'data-level')).toBe('ok');
    expect(await page.locator(badge).textContent()).toContain('First response');
    expect(await page.locator(badge).textContent()).toMatch(/Due in 0:[0-5]\d/);
    const first = Number(await attribute(page, badge, 'data-seconds'));
    expect(first).toBeLessThanOrEqual(60);
    await expect.poll(async () => Number(await attribute(page, badge, 'data-seconds'))).toBeLessThan(first);

    // Half the minute used: the warning fires on the server, the badge turns amber and says so.
    await expect.poll(() => attribute(page, badge, 'data-level'), { timeout: 50_000 }).toBe('warning');
    expect(await page.locator(badge).textContent()).toContain('Due soon');
    // The at-risk view, open all along, lists it without a reload; an alarm says it is due soon.
    await rowOnRisk.waitFor({ timeout: 15_000 });
    await page.locator(`[data-testid="sla-alarm"][data-ticket-id="${ticketId}"]`).waitFor();

    await expect.poll(() => attribute(page, badge, 'data-level'), { timeout: 50_000 }).toBe('breached');
    expect(await page.locator(badge).textContent()).toContain('Overdue by');
    await expect.poll(() => rowOnRisk.getAttribute('data-level')).toBe('breached');
    await page
      .locator(`[data-testid="sla-alarm"][data-ticket-id="${ticketId}"][data-kind="breach"]`)
      .waitFor({ timeout: 15_000 });

    // The SLA report lists the breach, and its CSV downloads with it.
    await atRisk.click('a[href="/reports/sla"]');
    await atRisk.locator(`[data-testid="sla-breach-row"][data-ticket-id="${ticketId}"]`).waitFor();
    const csvHref = await atRisk.locator('[data-testid="sla-csv-breaches"]').getAttribute('href');
    const csv = await atRisk.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, text: await response.text() };
    }, csvHref!);
    expect(csv.status).toBe(200);
    const [{ number }] = await db.sql<{ number: string }[]>`select number from tickets where id = ${ticketId}`;
    expect(csv.text.split(/\r?\n/).some((line) => line.startsWith(`${number},`))).toBe(true);
  }, 180_000);

  it('when an admin imports an iCal file and a country’s holidays into a calendar, then the form shows them and saving keeps them', async () => {
    const calendarId = await createBusinessHours(
      db.sql,
      businessHoursInput.parse({
        name: 'Paris office',
        timezone: 'Europe/Paris',
        intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })),
        holidays: [{ day: '2026-12-24', name: 'Office closed' }],
      }),
      null,
    );
    const page = await signedIn(admin);
    await page.click('a[href="/admin/hours"]');
    await page.click('[data-testid="calendar-row"][data-name="Paris office"] button');
    const form = page.locator('[data-testid="calendar-form"]');
    const imports = form.locator('[data-testid="holiday-import"]');
    await imports.waitFor();

    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Switchboard test//EN',
      'BEGIN:VEVENT',
      'UID:bastille-2026@example.com',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;VALUE=DATE:20260714',
      'DTEND;VALUE=DATE:20260715',
      'SUMMARY:Fête nationale',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await imports
      .locator('[data-testid="holiday-ical-file"]')
      .setInputFiles({ name: 'holidays.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await expect
      .poll(() => imports.locator('[data-testid="holiday-import-done"]').textContent())
      .toContain('1 holiday added');
    const days = () =>
      form
        .locator('[data-testid="holiday-day"]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await expect.poll(days).toEqual(['2026-07-14', '2026-12-24']);

    await imports.locator('[data-testid="holiday-country"]').selectOption('FR');
    await imports.locator('[data-testid="holiday-year"]').fill('2026');
    await imports.locator('[data-testid="holiday-seed"]').click();
    await expect.poll(days).toContain('2026-05-01');
    const stored = async () =>
      (
        await db.sql<{ day: string }[]>`
        select to_char(day, 'YYYY-MM-DD') as day from business_hours_holidays
        where business_hours_id = ${calendarId} order by day`
      ).map((row) => row.day);
    const afterImports = await stored();
    expect(afterImports).toEqual(expect.arrayContaining(['2026-05-01', '2026-07-14', '2026-12-24']));
    expect(await days()).toEqual(afterImports);

    // Saving the calendar afterwards keeps every imported day.
    await form.locator('[data-testid="calendar-save"]').click();
    await form.locator('[data-testid="admin-saved"]').waitFor();
    expect(await stored()).toEqual(afterImports);
  });
});
