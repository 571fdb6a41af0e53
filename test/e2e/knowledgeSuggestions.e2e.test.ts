import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { TEST_MS } from '../support/timeouts';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const COMPANY = '+15005550006';

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '120' }));
  browser = await launchChromium();
  await aQueue(db.sql, { entryForChannels: ['sms'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

async function signedIn(user: { email: string; password: string }) {
  const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signInAs(page, server.url, user);
  return page;
}

const articleIdIn = (page: Page) => /\/knowledge\/articles\/([^/?#]+)/.exec(page.url())?.[1] ?? '';

const suggestionEvents = async (articleId: string) =>
  (
    await db.sql<{ kind: string }[]>`select kind from kb_suggestion_events where article_id = ${articleId} order by id`
  ).map((row) => row.kind);

// A 1×1 PNG.
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const ANSWER = '请在订单页面点击**申请退款**，款项将在 3 个工作日内退回原支付账户。';

describe('the knowledge base in Chromium', () => {
  it(
    'when a writer writes a Chinese article about 退款 and an admin publishes it, then an agent finds it in the screen pop of an SMS and answers with it, and the ticket page offers its link',
    async () => {
      const admin = await aUser(db.sql, 'admin');
      const writer = await aUser(db.sql, 'agent', { name: 'Wei Writer' });
      const agent = await aUser(db.sql, 'agent');

      // The admin makes a writer of someone: writers write, approvers (and admins) publish.
      const adminPage = await signedIn(admin);
      await adminPage.click('.side-nav a[href="/knowledge"]');
      await adminPage.click('a[href="/knowledge/editors"]');
      await adminPage.selectOption('[data-testid="knowledge-editor-user"]', writer.id);
      await adminPage.selectOption('[data-testid="knowledge-editor-role"]', 'writer');
      await adminPage.click('[data-testid="knowledge-editor-grant"]');
      await adminPage.locator(`[data-testid="knowledge-editor-row"][data-user-id="${writer.id}"]`).waitFor();

      // The writer writes in Chinese, with the preview following the Markdown.
      const writerPage = await signedIn(writer);
      await writerPage.click('.side-nav a[href="/knowledge"]');
      await writerPage.click('[data-testid="new-article"]');
      await writerPage.click('[data-testid="article-locale-tab-zh-CN"]');
      await writerPage.fill('[data-testid="article-title"]', '如何申请退款');
      await writerPage.fill('[data-testid="article-body"]', `## 退款步骤\n\n${ANSWER}\n\n<script>alert(1)</script>`);
      const preview = writerPage.locator('[data-testid="markdown-preview"]');
      await expect.poll(() => preview.innerHTML()).toContain('<strong>申请退款</strong>');
      expect(await preview.innerHTML()).toContain('&lt;script&gt;');
      await writerPage.fill('[data-testid="article-tags"]', '退款, refund');
      await writerPage.click('[data-testid="article-save"]');
      await writerPage.waitForURL('**/knowledge/articles/*');
      const articleId = articleIdIn(writerPage);
      await writerPage.locator('[data-testid="revision"]').first().waitFor();

      // An image goes through the upload flow into the article, and into the text where the caret is.
      await writerPage.setInputFiles('[data-testid="article-attachment-input"]', {
        name: 'refund-button.png',
        mimeType: 'image/png',
        buffer: Buffer.from(PIXEL_PNG, 'base64'),
      });
      await writerPage.locator('[data-testid="article-attachment"][data-filename="refund-button.png"]').waitFor();
      const body = writerPage.locator('[data-testid="article-body"]');
      await expect.poll(() => body.inputValue()).toMatch(/!\[refund-button\.png\]\(\/help\/files\/[^)]+\)/);
      expect(await preview.locator('img').getAttribute('alt')).toBe('refund-button.png');

      // A second save is a second revision; its changes show word by word.
      await body.fill((await body.inputValue()).replace('3 个', '5 个'));
      await writerPage.click('[data-testid="article-save"]');
      await expect.poll(() => writerPage.locator('[data-testid="revision"]').count()).toBe(2);
      await writerPage.locator('[data-testid="revision-compare"]').first().click();
      const diff = writerPage.locator('[data-testid="revision-diff"]');
      expect(await diff.locator('ins').allTextContents()).toContain('5');
      expect(await diff.locator('del').allTextContents()).toContain('3');
      // Writers do not publish.
      expect(await writerPage.locator('[data-testid="article-state"]').count()).toBe(0);

      // The writer finds the draft by searching 退款, the word highlighted.
      await writerPage.click('.side-nav a[href="/knowledge"]');
      await writerPage.fill('[data-testid="knowledge-search"]', '退款');
      const row = writerPage.locator(`[data-testid="knowledge-article-row"][data-article-id="${articleId}"]`);
      await expect.poll(() => row.locator('mark').allTextContents()).toContain('退款');
      expect(await row.getAttribute('data-state')).toBe('draft');

      // The admin publishes it.
      await adminPage.goto(`${server.url}/knowledge/articles/${articleId}`);
      await adminPage.selectOption('[data-testid="article-state"]', 'published');
      await adminPage.click('[data-testid="article-state-apply"]');
      await expect.poll(() => adminPage.locator('[data-testid="article-live"]').getAttribute('data-live')).toBe('true');

      // A customer texts about a refund; the pop suggests the article, and one click takes the offer with its answer.
      const agentPage = await signedIn(agent);
      await agentPage.selectOption('[data-testid="presence-switch"]', 'available');
      await expect
        .poll(async () => (await db.sql`select presence from users where id = ${agent.id}`)[0].presence)
        .toBe('available');
      // The pop arrives with its suggestions: the console shows them without asking the server again.
      const suggestionReads: string[] = [];
      agentPage.on('request', (request) => {
        if (request.url().includes('/article-suggestions')) suggestionReads.push(request.url());
      });
      const sms = incomingSmsParams(aPhone(), COMPANY, '你好，我上周买的耳机坏了，想申请退款，怎么办？');
      const res = await postTwilioWebhook(server.url, '/webhooks/twilio/sms', sms, {
        authToken: server.ctx.sms.authToken,
        publicUrl: server.ctx.config.PUBLIC_URL,
      });
      expect(res.status).toBe(200);

      const suggestion = agentPage.locator(
        `[data-testid="screen-pop"] [data-testid="article-suggestion"][data-article-id="${articleId}"]`,
      );
      await suggestion.waitFor();
      expect(await suggestion.getAttribute('data-title')).toBe('如何申请退款');
      expect(await suggestion.locator('mark').allTextContents()).toContain('退款');
      expect(suggestionReads).toEqual([]);
      const ticketId = await agentPage.locator('[data-testid="screen-pop"]').getAttribute('data-ticket-id');
      await suggestion.locator('[data-testid="insert-article-answer"]').click();

      await agentPage.waitForURL(`**/tickets/${ticketId}`);
      const reply = agentPage.locator('[data-testid="reply-text"]');
      await expect.poll(() => reply.inputValue()).toContain('款项将在 5 个工作日内退回原支付账户');
      await agentPage.click('[data-testid="send-reply"]');
      await expect.poll(() => reply.inputValue()).toBe('');

      await expect.poll(() => suggestionEvents(articleId)).toEqual(['shown', 'inserted', 'sent']);
      const [sent] = await db.sql<{ bodyText: string }[]>`
      select body_text from messages where ticket_id = ${ticketId} and direction = 'outbound'`;
      expect(sent.bodyText).toContain('款项将在 5 个工作日内退回原支付账户');

      // A supervisor searches for what nobody wrote yet, then sees the suggestion and that search counted.
      const supervisorPage = await signedIn(await aUser(db.sql, 'supervisor'));
      await supervisorPage.click('.side-nav a[href="/knowledge"]');
      await supervisorPage.fill('[data-testid="knowledge-search"]', '发票抬头');
      await expect
        .poll(() => supervisorPage.locator('[data-testid="knowledge-total"]').textContent())
        .toBe('0 articles');
      await supervisorPage.click('.side-nav a[href="/reports/knowledge"]');
      const stats = supervisorPage.locator(
        `[data-testid="knowledge-article-stats-row"][data-article-id="${articleId}"]`,
      );
      await stats.waitFor();
      expect(await stats.locator('td').first().textContent()).toBe('如何申请退款');
      expect(await stats.locator('[data-kind="suggestionsInserted"]').textContent()).toBe('1');
      expect(await stats.locator('[data-kind="suggestionsSent"]').textContent()).toBe('1');
      expect(
        await supervisorPage.locator('[data-testid="knowledge-total-ticketsSolvedWithArticle"]').textContent(),
      ).toBe('0');
      expect(await supervisorPage.locator('[data-testid="knowledge-missing-search"]').allTextContents()).toEqual([
        expect.stringContaining('发票抬头'),
      ]);
      await supervisorPage.locator('[data-testid="knowledge-funnel"] .recharts-funnel-trapezoid').first().waitFor();

      // On the ticket page the article is suggested beside the thread too; one click puts its public link into the
      // reply, and that link opens the article on the help center for anyone.
      const onTicketPage = agentPage.locator(
        `[data-testid="ticket-article-suggestions"] [data-testid="article-suggestion"][data-article-id="${articleId}"]`,
      );
      await onTicketPage.waitFor();
      await onTicketPage.locator('[data-testid="insert-article-link"]').click();
      const link = `${server.ctx.config.PUBLIC_URL.replace(/\/$/, '')}/help/zh-CN/articles/${articleId}`;
      await expect.poll(() => reply.inputValue()).toContain(`如何申请退款: ${link}`);
      await expect.poll(() => suggestionEvents(articleId)).toEqual(['shown', 'inserted', 'sent', 'inserted']);
      const helpPage = await fetch(`${server.url}/help/zh-CN/articles/${articleId}`);
      expect(helpPage.status).toBe(200);
      expect(await helpPage.text()).toContain('<h1>如何申请退款</h1>');
      // Four people's sessions in one story: several times the usual budget on a shared two-core machine.
    },
    4 * TEST_MS,
  );
});
