import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone } from '../support/contacts';
import { aQueue, aTeam, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let queueName: string;
let teamId: string;

// The simulator's company number: texts to it arrive as Twilio's signed webhook.
const COMPANY = '+15005550006';

beforeAll(async () => {
  db = await createTestDatabase();
  // No Twilio credentials: SMS goes through the signed webhook and the fake Messages API.
  server = await startTestServer(testEnv(db.url));
  browser = await launchChromium();
  // A supervisor sees the tickets of their team's queues.
  teamId = await aTeam(db.sql);
  const queueId = await aQueue(db.sql, { entryForChannels: ['sms'], teamId });
  [{ name: queueName }] = await db.sql<{ name: string }[]>`select name from queues where id = ${queueId}`;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

/** The customer's phone texting the company, exactly as Twilio posts it. */
async function customerTexts(phone: string, text: string) {
  const res = await postTwilioWebhook(server.url, '/webhooks/twilio/sms', incomingSmsParams(phone, COMPANY, text), {
    authToken: server.ctx.sms.authToken,
    publicUrl: server.ctx.config.PUBLIC_URL,
  });
  expect(res.status).toBe(200);
}

async function signedInPage(user: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })).newPage();
  await signInAs(page, server.url, user);
  return page;
}

describe('surveys in the console', () => {
  it('when a customer answers the SMS survey with a low score, then a supervisor watching sees the alert and the list update live, and the ticket and customer show score, comment and health', async () => {
    const admin = await aUser(db.sql, 'admin');
    const supervisor = await aUser(db.sql, 'supervisor', { teamIds: [teamId] });

    // The admin turns the queue's survey on: by the channel the customer used, at once after resolve.
    const adminPage = await signedInPage(admin);
    await adminPage.click('.side-nav a[href="/admin/surveys"]');
    await adminPage.click(`[data-testid="survey-queue-row"][data-name="${queueName}"] button`);
    await adminPage.selectOption('[data-testid="survey-channel"]', 'contact');
    await adminPage.selectOption('[data-testid="survey-scale"]', 'csat');
    await adminPage.check('[data-testid="survey-ask-comment"]');
    // A delay the server refuses is named next to its field, and nothing is saved.
    await adminPage.fill('[data-testid="survey-delay"]', '-5');
    await adminPage.click('[data-testid="survey-save"]');
    await adminPage.locator('[data-testid="field-error"][data-field="delayMinutes"]').waitFor();
    await adminPage.fill('[data-testid="survey-delay"]', '0');
    await adminPage.click('[data-testid="survey-save"]');
    await adminPage.locator('[data-testid="admin-saved"]').waitFor();
    expect(await adminPage.locator('[data-testid="field-error"]').count()).toBe(0);

    // The supervisor watches the low scores.
    const watcher = await signedInPage(supervisor);
    await watcher.click('.side-nav a[href="/surveys"]');
    await watcher.locator('[data-testid="low-scores-empty"]').waitFor();

    // A customer texts in; the ticket is resolved, and the survey text goes out to their phone.
    const phone = aPhone();
    await customerTexts(phone, 'My parcel never arrived.');
    let ticketId = '';
    await expect
      .poll(async () => {
        const [row] = await db.sql<{ ticketId: string }[]>`
          select ticket_id from messages where from_address = ${phone} and direction = 'inbound'`;
        ticketId = row?.ticketId ?? '';
        return ticketId;
      })
      .not.toBe('');
    const resolved = await watcher.evaluate(async (id) => {
      const answer = await fetch(`/api/tickets/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 'resolved' }),
      });
      return answer.status;
    }, ticketId);
    expect(resolved).toBe(200);
    await expect
      .poll(async () => (await db.sql`select status from surveys where ticket_id = ${ticketId}`)[0]?.status)
      .toBe('sent');

    // The customer replies with a 1: the supervisor's screen shows it without a reload.
    await customerTexts(phone, '1');
    const alert = watcher.locator('[data-testid="survey-alert"][data-kind="lowScore"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Low score 1 of 5');
    const row = watcher.locator('[data-testid="low-score-row"]');
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.locator('[data-testid="survey-score"]').getAttribute('data-score')).toBe('1');
    // A low score without a comment stays on the list when the page is loaded again (read from the server).
    await watcher.reload();
    await watcher.locator('[data-testid="low-scores-page"]').waitFor();
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.locator('[data-testid="low-score-comment"]').textContent()).toBe('');

    // A text after the score is the comment; the ticket shows both.
    await customerTexts(phone, '没人回电话，太失望了');
    await row.locator('[data-testid="ticket-link"]').click();
    const panel = watcher.locator('[data-testid="ticket-surveys"]');
    await panel.waitFor();
    expect(await panel.locator('[data-testid="survey-score"]').getAttribute('data-low')).toBe('true');
    await expect.poll(() => panel.locator('[data-testid="survey-comment"]').textContent()).toBe('没人回电话，太失望了');

    // From the resolved ticket the supervisor schedules a return visit (回访) by SMS; the server says what it made.
    await panel.locator('[data-testid="return-visit-method"]').selectOption('sms');
    await panel.locator('[data-testid="return-visit-note"]').fill('Ask whether the parcel has arrived');
    await panel.locator('[data-testid="return-visit-submit"]').click();
    const result = panel.locator('[data-testid="return-visit-result"]');
    await result.waitFor();
    const made = Number(await result.getAttribute('data-scheduled'));
    const leftOut = Number(await result.getAttribute('data-skipped'));
    expect(made + leftOut).toBe(1);
    const visits = await db.sql<{ method: string; note: string }[]>`
      select method, note from return_visits where ticket_id = ${ticketId} and reason = 'scheduled'`;
    expect(visits).toEqual(made ? [{ method: 'sms', note: 'Ask whether the parcel has arrived' }] : []);

    // The customer's page shows their health with the low score among its reasons, and the survey.
    await watcher.locator('[data-testid="ticket-view"] [data-testid="customer-link"]').first().click();
    const health = watcher.locator('[data-testid="customer-health"]');
    await health.waitFor();
    await expect.poll(() => health.locator('[data-testid="health-reason"][data-kind="low_scores"]').count()).toBe(1);
    expect(Number(await health.locator('[data-testid="health-score"]').getAttribute('data-score'))).toBeLessThan(100);
    expect(await watcher.locator('[data-testid="customer-surveys"] [data-testid="survey-comment"]').textContent()).toBe(
      '没人回电话，太失望了',
    );
  });
});
