import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTER_HOURS_QUEUE, DEMO_PASSWORD } from '../../server/seed/demoData';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone } from '../support/contacts';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const demoAdmin = { email: 'admin@example.com', password: DEMO_PASSWORD };

beforeAll(async () => {
  db = await createTestDatabase();
  // The demo as `npm start` seeds it, with the phone simulator (no Twilio credentials).
  server = await startTestServer(testEnv(db.url, { SEED_DEMO: 'true' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

describe('the demo phone line at any hour', () => {
  it('when the demo is seeded, then its queues follow a calendar open around the clock, and the after-hours queue keeps office hours', async () => {
    const admin = await new TestClient(server.url).signIn(demoAdmin.email, demoAdmin.password);
    const { queues } = (await admin.get('/api/admin/queues')).body;
    const { businessHours } = (await admin.get('/api/admin/business-hours')).body;
    const calendarOf = (name: string) =>
      businessHours.find(
        (b: { id: string }) => b.id === queues.find((q: { name: string }) => q.name === name).businessHoursId,
      );
    for (const name of ['General', 'Technical support']) {
      const calendar = calendarOf(name);
      expect(calendar.openNow).toBe(true);
      expect(calendar.holidays).toEqual([]);
      // Every weekday, from the first minute to the end of the day: open whatever the clock says.
      expect(calendar.intervals).toEqual(
        [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
      );
    }
    expect(calendarOf(AFTER_HOURS_QUEUE).intervals.length).toBeGreaterThan(0);
  });

  it('when a simulated caller presses 1 now, then the demo queue takes the call instead of the closed message', async () => {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, server.url, demoAdmin);
    await page.click('a[href="/simulator"]');
    await page.click('[data-testid="sim-tab-voice"]');
    await page.fill('[data-testid="sim-phone"]', aPhone());
    await page.click('[data-testid="sim-call-start"]');
    const key1 = page.locator('[data-testid="sim-keypad-1"]');
    await expect.poll(() => key1.isEnabled(), { timeout: 20_000 }).toBe(true);
    const transcript = page.locator('[data-testid="sim-call-transcript"]');
    expect(await transcript.textContent()).toContain('after-hours line, press 3');
    await key1.click();
    await expect.poll(() => page.locator('[data-testid="sim-call-status"]').getAttribute('data-state')).toBe('queued');
    expect(await transcript.textContent()).not.toContain('We are closed right now');
    const [call] = await db.sql<{ queueName: string; voicemail: boolean }[]>`
      select q.name as queue_name, c.voicemail from calls c join queues q on q.id = c.queue_id order by c.created_at desc limit 1`;
    expect(call).toEqual({ queueName: 'General', voicemail: false });
    await page.context().close();
  });

  it('when an admin opens the phone line, then each queue shows its real hours, the after-hours queue its office hours', async () => {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, server.url, demoAdmin);
    await page.click('a[href="/admin/phone"]');
    const afterHours = page.locator(`[data-testid="queue-hours"][data-queue="${AFTER_HOURS_QUEUE}"]`);
    await afterHours.waitFor();
    const text = await afterHours.textContent();
    expect(text).toContain('Office hours (New York)');
    expect(text).toContain('Mon–Fri 09:00–12:30, 13:30–17:00');
    expect(text).toContain('America/New_York');
    const general = page.locator('[data-testid="queue-hours"][data-queue="General"]');
    expect(await general.textContent()).toContain('Open around the clock');
    expect(await general.locator('[data-testid="hours-label"]').getAttribute('data-open')).toBe('true');
    await page.context().close();
  });
});
