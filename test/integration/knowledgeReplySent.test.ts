import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { anEmail, anSms, aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { sealedForTests } from '../support/testSecrets';
import { waitFor } from '../support/waitFor';

// A knowledge base article put into a reply counts as "sent" when the reply is sent (the mail server took it, Twilio
// accepted it), not when the agent queued it; a reply that fails does not count.

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let sink: SmtpSink;
let admin: TestClient;
let mailbox: { id: string; address: string };
let articleId: string;

const suffix = () => randomBytes(4).toString('hex');

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
  server = await startTestServer(testEnv(db.url));
  await aQueue(db.sql, { entryForChannels: ['sms', 'email'] });
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  const address = `support-${suffix()}@switchboard.test`;
  const [{ id }] = await db.sql<{ id: string }[]>`
    insert into mailboxes (name, address, imap_host, imap_port, imap_user, imap_password_encrypted, smtp_host, smtp_port, smtp_tls, active)
    values ('Support', ${address}, 'imap.invalid', 993, 'nobody', ${sealedForTests('nothing')}, ${sink.host}, ${sink.port}, false, false)
    returning id`;
  mailbox = { id, address };
  const created = await admin.post('/api/knowledge/articles', {
    categoryId: null,
    variants: [{ locale: 'en', title: 'How refunds work', body: 'Refunds reach your card within 5 business days.' }],
  });
  expect(created.status, created.text).toBe(201);
  articleId = created.body.article.id;
  expect((await admin.post(`/api/knowledge/articles/${articleId}/state`, { state: 'published' })).status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  await db?.drop();
});

async function anEmailTicket() {
  const customer = `customer-${suffix()}@customer.example`;
  const providerId = `<${suffix()}@customer.example>`;
  const { ticketId, messageId } = await intakeContact(
    server.ctx,
    anEmail(customer, 'Refund', 'Where is my refund?', {
      to: mailbox.address,
      providerId,
      metadata: { messageId: providerId, references: [] },
    }),
  );
  await db.sql`update messages set mailbox_id = ${mailbox.id} where id = ${messageId}`;
  return ticketId;
}

const anSmsTicket = async (phone: string) => (await intakeContact(server.ctx, anSms(phone, 'Refund?'))).ticketId;

/** Replies with the article's link in it, as the console does after "insert link". */
async function replyWithArticle(ticketId: string) {
  const res = await admin.post(`/api/tickets/${ticketId}/replies`, {
    text: 'Here is how refunds work: /help/en/articles/…',
    knowledgeArticleIds: [articleId],
  });
  expect(res.status, res.text).toBe(201);
  return res.body.message.id as string;
}

const settled = (messageId: string, status: string) =>
  waitFor(
    async () => (await db.sql<{ status: string }[]>`select status from messages where id = ${messageId}`)[0].status,
    (s) => s === status,
  );
const sentEvents = async (messageId: string) =>
  (
    await db.sql<{ n: number }[]>`
      select count(*)::int as n from kb_suggestion_events where message_id = ${messageId} and kind = 'sent'`
  )[0].n;
const statsSent = async () => {
  const stats = (await admin.get('/api/knowledge/stats')).body;
  const article = stats.articles.find((a: { articleId: string }) => a.articleId === articleId);
  return { total: stats.totals.suggestionsSent as number, article: (article?.suggestionsSent ?? 0) as number };
};

describe('an article carried by a reply is sent when the reply is', () => {
  it('when the mail server refuses the reply, then the article is not counted sent; when the agent sends it again and it goes out, then it counts once', async () => {
    const before = await statsSent();
    const ticketId = await anEmailTicket();
    sink.failNext(550, 'Requested action not taken: mailbox full');
    const messageId = await replyWithArticle(ticketId);
    await settled(messageId, 'failed');
    expect(await sentEvents(messageId)).toBe(0);
    expect(await statsSent()).toEqual(before);

    const retried = await admin.post(`/api/tickets/${ticketId}/messages/${messageId}/retry`);
    expect(retried.status, retried.text).toBe(200);
    await settled(messageId, 'sent');
    expect(sink.messages.some((m) => m.parsed.text?.includes('Here is how refunds work'))).toBe(true);
    expect(await sentEvents(messageId)).toBe(1);
    expect(await statsSent()).toEqual({ total: before.total + 1, article: before.article + 1 });
  });

  it('when Twilio takes a text carrying the article, then it counts as sent once; a text Twilio refuses does not count', async () => {
    const delivered = await replyWithArticle(await anSmsTicket(aPhone()));
    const refused = await replyWithArticle(await anSmsTicket('+15005550009'));
    await settled(delivered, 'sent');
    await settled(refused, 'failed');
    expect(await sentEvents(delivered)).toBe(1);
    expect(await sentEvents(refused)).toBe(0);
    const [row] = await db.sql<{ ticketId: string; userId: string }[]>`
      select e.ticket_id, e.user_id from kb_suggestion_events e where e.message_id = ${delivered} and e.kind = 'sent'`;
    expect(row.ticketId).toBe((await db.sql`select ticket_id from messages where id = ${delivered}`)[0].ticketId);
    expect(row.userId).toBeTruthy();
  });
});
