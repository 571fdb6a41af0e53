import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IvrSettings } from '../../server/voice/ivrSettings';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let entryQueueId: string;
let billingQueueId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  browser = await launchChromium();
  entryQueueId = await aQueue(db.sql, { name: 'Phone entry', entryForChannels: ['voice'] });
  billingQueueId = await aQueue(db.sql, { name: 'Billing' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

async function signedIn(role: 'agent' | 'supervisor' | 'admin', name?: string) {
  const user = await aUser(db.sql, role, { name });
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, server.url, user);
  return { user, page };
}

const storedIvr = async () => (await db.sql<{ ivr: IvrSettings }[]>`select ivr from voice_settings`)[0]?.ivr ?? null;

async function openPhoneLine(page: Page) {
  await page.click('a[href="/admin/phone"]');
  await page.locator('[data-testid="ivr-editor"]').waitFor();
}

describe('the phone line settings in Chromium', () => {
  it('when an admin adds a submenu whose option leads to a queue and links it from the main menu, then it is saved and a reload shows it', async () => {
    const { page } = await signedIn('admin');
    await openPhoneLine(page);
    const main = page.locator('[data-testid="ivr-menu"][data-root="true"]');
    // The built-in line: key 1 to the voice entry queue, key 2 to voicemail.
    expect(await main.locator('[data-testid="ivr-option"]').count()).toBe(2);
    expect(
      await main.locator('[data-testid="ivr-option"][data-key="1"] [data-testid="ivr-option-queue"]').inputValue(),
    ).toBe(entryQueueId);

    await page.click('[data-testid="ivr-add-menu"]');
    const billing = page.locator('[data-testid="ivr-menu"]').nth(1);
    await billing.locator('[data-testid="ivr-menu-id"]').fill('billing');
    await billing.locator('[data-testid="ivr-menu-prompt"]').fill('For invoices, press 1.');
    const invoices = billing.locator('[data-testid="ivr-option"]').first();
    await invoices.locator('[data-testid="ivr-option-label"]').fill('Invoices');
    await invoices.locator('[data-testid="ivr-option-words"]').fill('invoice, bill');
    await invoices.locator('[data-testid="ivr-option-action"]').selectOption('queue');
    await invoices.locator('[data-testid="ivr-option-queue"]').selectOption({ label: 'Billing' });

    await main.locator('[data-testid="ivr-add-option"]').click();
    const toBilling = main.locator('[data-testid="ivr-option"]').nth(2);
    expect(await toBilling.locator('[data-testid="ivr-option-key"]').inputValue()).toBe('3');
    await toBilling.locator('[data-testid="ivr-option-label"]').fill('Billing');
    await toBilling.locator('[data-testid="ivr-option-action"]').selectOption('submenu');
    await toBilling.locator('[data-testid="ivr-option-submenu"]').selectOption({ label: 'billing' });

    // The preview follows the form: 3 then 1 goes through the billing prompt into the Billing queue.
    const branch = page.locator('[data-testid="ivr-branch"][data-keys="3 1"]');
    await expect.poll(() => branch.textContent()).toContain('For invoices, press 1.');
    expect(await branch.textContent()).toContain('Waits in Billing');

    await page.click('[data-testid="ivr-save"]');
    await page.locator('[data-testid="ivr-saved"]').waitFor();
    const ivr = await storedIvr();
    expect(ivr?.menus.map((menu) => menu.id)).toEqual(['main', 'billing']);
    expect(ivr?.menus[0].options[2]).toEqual({
      key: '3',
      words: [],
      label: 'Billing',
      action: { type: 'submenu', menuId: 'billing' },
    });
    expect(ivr?.menus[1].options[0]).toEqual({
      key: '1',
      words: ['invoice', 'bill'],
      label: 'Invoices',
      action: { type: 'queue', queueId: billingQueueId },
    });

    await page.reload();
    await page.locator('[data-testid="ivr-editor"]').waitFor();
    const reloaded = page.locator('[data-testid="ivr-menu"][data-menu-id="billing"]');
    await reloaded.waitFor();
    expect(await reloaded.locator('[data-testid="ivr-menu-prompt"]').inputValue()).toBe('For invoices, press 1.');
    expect(await reloaded.locator('[data-testid="ivr-option-queue"]').inputValue()).toBe(billingQueueId);
    expect(await reloaded.locator('[data-testid="ivr-option-words"]').inputValue()).toBe('invoice, bill');
    const option3 = page.locator('[data-testid="ivr-menu"][data-root="true"] [data-testid="ivr-option"][data-key="3"]');
    expect(await option3.locator('[data-testid="ivr-option-action"]').inputValue()).toBe('submenu');
    expect(await option3.locator('[data-testid="ivr-option-submenu"] option:checked').textContent()).toBe('billing');
  });

  it('when an admin gives two options of a menu the same key, then the server’s error shows next to that key and nothing changes', async () => {
    const before = await storedIvr();
    const { page } = await signedIn('admin');
    await openPhoneLine(page);
    const main = page.locator('[data-testid="ivr-menu"][data-root="true"]');
    const count = await main.locator('[data-testid="ivr-option"]').count();
    await main.locator('[data-testid="ivr-add-option"]').click();
    const added = main.locator('[data-testid="ivr-option"]').nth(count);
    await added.locator('[data-testid="ivr-option-label"]').fill('Sales again');
    await added.locator('[data-testid="ivr-option-key"]').fill('1');
    await page.click('[data-testid="ivr-save"]');

    const error = added.locator(`[data-testid="field-error"][data-field="menus.0.options.${count}.key"]`);
    await error.waitFor();
    expect(await error.textContent()).toContain('key 1 is used twice in menu "main"');
    await page.locator('[data-testid="ivr-error"]').waitFor();
    expect(await page.locator('[data-testid="ivr-saved"]').count()).toBe(0);
    expect(await storedIvr()).toEqual(before);
  });
});

describe('call statistics in Chromium', () => {
  it('when a supervisor opens the call statistics, then the calls in the database show by agent with talk time, and the totals', async () => {
    const ada = await aUser(db.sql, 'agent', { name: 'Ada Agent' });
    const ben = await aUser(db.sql, 'agent', { name: 'Ben Agent' });
    // Two days ago at noon UTC: inside the default range (the last 30 days) whatever the time of day.
    const [{ at }] = await db.sql<
      { at: Date }[]
    >`select date_trunc('day', now()) - interval '2 days' + interval '12 hours' as at`;
    const call = (
      direction: 'inbound' | 'outbound',
      agentId: string | null,
      talkSeconds: number | null,
      abandoned = false,
    ) => db.sql`
      insert into calls (call_sid, direction, from_number, to_number, status, agent_id, created_at, enqueued_at, connected_at, answered_at, ended_at, talk_seconds, abandoned)
      values (${`CA${randomBytes(16).toString('hex')}`}, ${direction}, '+14155550100', '+14155550199', 'completed', ${agentId}, ${at}, ${at},
        ${talkSeconds === null ? null : at}, ${talkSeconds === null ? null : at}, ${at}, ${talkSeconds}, ${abandoned})`;
    await call('inbound', ada.id, 125);
    await call('outbound', ada.id, 65);
    await call('inbound', ben.id, 300);
    await call('inbound', null, null, true);

    const { page } = await signedIn('supervisor');
    await page.click('a[href="/reports/calls"]');
    await page.locator('[data-testid="call-stats"]').waitFor();
    const day = at.toISOString().slice(0, 10);
    const rowOf = (agentId: string) =>
      page.locator(`[data-testid="call-stats-row"][data-period="${day}"][data-agent-id="${agentId}"]`);
    const cells = async (agentId: string) =>
      Object.fromEntries(
        await rowOf(agentId)
          .locator('td[data-kind]')
          .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-kind'), td.textContent])),
      );

    await rowOf(ada.id).waitFor();
    expect(await cells(ada.id)).toEqual({
      inbound: '1',
      outbound: '1',
      answered: '2',
      abandoned: '0',
      talk: '0:03:10',
      averageTalk: '0:01:35',
    });
    expect(await cells(ben.id)).toEqual({
      inbound: '1',
      outbound: '0',
      answered: '1',
      abandoned: '0',
      talk: '0:05:00',
      averageTalk: '0:05:00',
    });
    expect(await cells('')).toEqual({
      inbound: '1',
      outbound: '0',
      answered: '0',
      abandoned: '1',
      talk: '0:00:00',
      averageTalk: '—',
    });
    const totals = Object.fromEntries(
      await page
        .locator('[data-testid="call-stats-totals"] td[data-kind]')
        .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-kind'), td.textContent])),
    );
    expect(totals).toEqual({
      inbound: '3',
      outbound: '1',
      answered: '3',
      abandoned: '1',
      talk: '0:08:10',
      averageTalk: '0:02:43',
    });

    await page.selectOption('[data-testid="call-stats-agent"]', ada.id);
    await expect.poll(() => page.locator('[data-testid="call-stats-row"]').count()).toBe(1);
    await rowOf(ada.id).waitFor();
  });
});

describe('callbacks in Chromium', () => {
  it('when an agent schedules a callback from a customer’s page, then it is listed there and on the callbacks page, where it can be canceled', async () => {
    const phone = aPhone();
    const customerId = await aCustomer(db.sql, { phone });
    const { user: agent, page } = await signedIn('agent');
    await page.goto(`${server.url}/customers/${customerId}`);
    const form = page.locator('[data-testid="schedule-callback"]');
    await form.waitFor();
    expect(await form.locator('[data-testid="callback-phone"]').inputValue()).toBe(phone);
    await form.locator('[data-testid="callback-queue"]').selectOption({ label: 'Billing' });
    await form.locator('[data-testid="callback-note"]').fill('Asked about the March invoice');
    await form.locator('[data-testid="schedule-callback-submit"]').click();
    await page.locator('[data-testid="callback-scheduled"]').waitFor();

    const [stored] = await db.sql<
      { id: string; queueId: string; phoneNumber: string; note: string; requestedByUserId: string; status: string }[]
    >`
      select id, queue_id, phone_number, note, requested_by_user_id, status from callbacks where customer_id = ${customerId}`;
    expect(stored).toMatchObject({
      queueId: billingQueueId,
      phoneNumber: phone,
      note: 'Asked about the March invoice',
      requestedByUserId: agent.id,
      status: 'pending',
    });
    const onCustomer = page.locator(
      `[data-testid="customer-callbacks"] [data-testid="callback"][data-callback-id="${stored.id}"]`,
    );
    await onCustomer.waitFor();
    expect(await onCustomer.getAttribute('data-status')).toBe('pending');

    await page.click('a[href="/callbacks"]');
    const listed = page.locator(
      `[data-testid="callback-list"] [data-testid="callback"][data-callback-id="${stored.id}"]`,
    );
    await listed.waitFor();
    expect(await listed.textContent()).toContain('Asked about the March invoice');
    expect(await listed.locator('[data-kind="phone"]').textContent()).toBe(phone);
    expect(await listed.locator('[data-kind="attempts"]').textContent()).toBe('0 of 3');

    await listed.locator('[data-testid="cancel-callback"]').click();
    const canceled = page.locator(
      `[data-testid="callback-list-recent"] [data-testid="callback"][data-callback-id="${stored.id}"]`,
    );
    await canceled.waitFor();
    expect(await canceled.getAttribute('data-status')).toBe('canceled');
    expect(await canceled.locator('[data-testid="cancel-callback"]').count()).toBe(0);
    expect((await db.sql`select status from callbacks where id = ${stored.id}`)[0].status).toBe('canceled');
  });

  it('when an agent calls a customer’s number from their page, then the call is placed on a new ticket, which opens, and connects without the agent answering their own call', async () => {
    const phone = aPhone();
    const customerId = await aCustomer(db.sql, { phone });
    const { user: agent, page } = await signedIn('agent');
    await page.goto(`${server.url}/customers/${customerId}`);
    const bar = page.locator('[data-testid="call-bar"]');
    await expect.poll(() => bar.getAttribute('data-device')).toBe('simulator');
    // Every state and status line the call bar goes through, however briefly.
    await bar.evaluate((element) => {
      const seen: string[] = [];
      (window as unknown as { callBarSeen: string[] }).callBarSeen = seen;
      const note = () =>
        seen.push(
          `${element.getAttribute('data-status')}|${element.querySelector('[data-testid="call-status"]')?.textContent ?? ''}|${!!element.querySelector('[data-testid="call-answer"]')}`,
        );
      new MutationObserver(note).observe(element, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    await page.locator(`[data-testid="click-to-dial"][data-phone="${phone}"]`).click();
    await page.locator('[data-testid="ticket-view"]').waitFor();

    const [call] = await db.sql<{ ticketId: string; origin: string; toNumber: string; agentId: string }[]>`
      select ticket_id, origin, to_number, agent_id from calls where customer_id = ${customerId}`;
    expect(call).toMatchObject({ origin: 'click_to_dial', toNumber: phone, agentId: agent.id });
    expect(new URL(page.url()).pathname).toBe(`/tickets/${call.ticketId}`);

    // The agent's simulated phone picks up by itself: the customer is dialled and answers.
    await expect.poll(() => bar.getAttribute('data-status'), { timeout: 30_000 }).toBe('connected');
    const seen = await page.evaluate(() => (window as unknown as { callBarSeen: string[] }).callBarSeen);
    expect(seen.some((entry) => entry.startsWith('ringing|Calling '))).toBe(true);
    expect(seen.filter((entry) => entry.startsWith('incoming|') || entry.endsWith('|true'))).toEqual([]);

    // A phone ticket is answered by calling: its composer writes internal notes only.
    await page.locator('[data-testid="composer-voice-hint"]').waitFor();
    expect(await page.locator('[data-testid="composer-mode"]').count()).toBe(0);
    expect(await page.locator('[data-testid="composer"]').getAttribute('data-mode')).toBe('note');

    await page.click('[data-testid="call-hangup"]');
    await expect.poll(() => bar.getAttribute('data-status')).toBe('wrapUp');
  });
});
