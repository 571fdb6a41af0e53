import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';
import { changeSurveySettings } from '../support/surveySettings';

// Email surveys through the email simulator's real send path: the mail links to a page in the customer's language;
// opening it (or a scanner following every link) records nothing, only the confirming POST does.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let queueId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  queueId = await aQueue(db.sql, { entryForChannels: ['email'] });
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  await changeSurveySettings(admin, queueId, { channel: 'contact', delayMinutes: 0, askSecondQuestion: true });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** A simulated customer writes in; the ticket is resolved; the survey mail reaches their mailbox. Its link. */
async function surveyLinkFor(from: string, text: string) {
  const { ticketId } = (await admin.post('/api/simulator/email', { from, subject: 'Order', text })).body;
  expect((await admin.patch(`/api/tickets/${ticketId}`, { status: 'resolved' })).status).toBe(200);
  const emails = await waitFor(
    async () =>
      (await admin.get(`/api/simulator/email/${encodeURIComponent(from)}`)).body.emails as {
        text: string;
        subject: string;
      }[],
    (mails) => mails.some((m) => m.text.includes('/survey/')),
  );
  const mail = emails.find((m) => m.text.includes('/survey/'))!;
  const link = mail.text.match(/https?:\/\/\S+\/survey\/[A-Za-z0-9_-]+\?score=1\b/)![0].replace(/\?score=1$/, '');
  return { ticketId, mail, path: new URL(link).pathname };
}

const surveyOf = async (ticketId: string) =>
  (await db.sql`select status, score, second_answer, comment from surveys where ticket_id = ${ticketId}`)[0];

describe('an email survey', () => {
  it('links to a page whose GETs change nothing; the confirming POST records the score, second answer and comment', async () => {
    const { ticketId, mail, path } = await surveyLinkFor('ana@example.com', 'Where is my order?');
    expect(mail.subject).toMatch(/How did we do\?/);
    const choice = await fetch(server.url + path);
    expect(choice.status).toBe(200);
    expect(await choice.text()).toContain(`${path}?score=5`);
    // A link scanner follows every link: each shows a confirm form and records nothing.
    for (let score = 1; score <= 5; score++) {
      const confirm = await fetch(`${server.url}${path}?score=${score}`);
      expect(confirm.status).toBe(200);
      expect(await confirm.text()).toContain('<form method="post"');
    }
    expect(await surveyOf(ticketId)).toMatchObject({ status: 'sent', score: null });

    // Another site cannot post the answer for a visitor.
    const forged = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'score=1',
    });
    expect(forged.status).toBe(403);
    expect(await surveyOf(ticketId)).toMatchObject({ status: 'sent', score: null });

    const confirmed = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ score: '4', second: 'yes', comment: 'Quick and friendly' }).toString(),
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Thank you for your feedback.');
    expect(await surveyOf(ticketId)).toEqual({
      status: 'answered',
      score: 4,
      secondAnswer: true,
      comment: 'Quick and friendly',
    });
    // Posting again changes nothing.
    const again = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'score=1',
    });
    expect(await again.text()).toContain('already recorded');
    expect((await surveyOf(ticketId)).score).toBe(4);
  });

  it('is in Chinese for a customer who writes Chinese, and refuses a score off the scale', async () => {
    const { ticketId, mail, path } = await surveyLinkFor('wang.fang@example.com', '我的订单还没有到，请帮忙查一下。');
    expect(mail.subject).toContain('请评价我们的服务');
    const page = await fetch(server.url + path);
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('您对工单');
    expect((await fetch(`${server.url}${path}?score=9`)).status).toBe(400);
    const bad = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'score=0',
    });
    expect(bad.status).toBe(400);
    expect((await surveyOf(ticketId)).status).toBe('sent');
    expect((await fetch(`${server.url}/survey/not-a-real-survey-token-000`)).status).toBe(404);
  });
});
