import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  db = await createTestDatabase();
  // No Twilio credentials: calls run on the built-in voice simulator, through the same signed webhooks.
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '30' }));
  browser = await launchChromium();
  // The default phone menu sends key 1 to the voice entry queue.
  await aQueue(db.sql, { entryForChannels: ['voice'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

const callBar = (page: Page) => page.locator('[data-testid="call-bar"]');

// Each test's browser windows, closed after it so the next one starts with only its own consoles connected.
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

describe('a phone call through the simulator in Chromium', () => {
  it('when a simulated caller picks the agent option, then the call pops on the agent’s screen, rings their browser on accept and connects; after hang-up the agent wraps up', async () => {
    const agent = await aUser(db.sql, 'agent');
    const tester = await aUser(db.sql, 'supervisor');
    const phone = aPhone();

    const agentPage = await newPage();
    await signInAs(agentPage, server.url, agent);
    await agentPage.selectOption('[data-testid="presence-switch"]', 'available');
    await expect
      .poll(async () => (await db.sql`select presence from users where id = ${agent.id}`)[0].presence)
      .toBe('available');
    await expect.poll(() => callBar(agentPage).getAttribute('data-device')).toBe('simulator');
    expect(await callBar(agentPage).getAttribute('data-status')).toBe('idle');

    const phonePage = await newPage();
    await signInAs(phonePage, server.url, tester);
    await phonePage.click('a[href="/simulator"]');
    await phonePage.click('[data-testid="sim-tab-voice"]');
    await phonePage.fill('[data-testid="sim-phone"]', phone);
    await phonePage.click('[data-testid="sim-call-start"]');

    // The menu asks for a key: the keypad comes alive; 1 is "speak to an agent".
    const key1 = phonePage.locator('[data-testid="sim-keypad-1"]');
    await expect.poll(() => key1.isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await phonePage.locator('[data-testid="sim-call-transcript"]').textContent()).toContain('press 1');
    await key1.click();
    await expect
      .poll(() => phonePage.locator('[data-testid="sim-call-status"]').getAttribute('data-state'))
      .toBe('queued');

    const pop = agentPage.locator('[data-testid="screen-pop"]');
    await pop.waitFor({ timeout: 15_000 });
    // The pop sits below the call bar, never over its controls (once it has slid in).
    await pop.evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
    const [popBox, barBox] = [await pop.boundingBox(), await callBar(agentPage).boundingBox()];
    expect(popBox!.y).toBeGreaterThanOrEqual(barBox!.y + barBox!.height);
    await agentPage.click('[data-testid="accept-offer"]');

    // Accepting rings the agent's (simulated) browser phone, which answers by itself: both sides are connected.
    await expect.poll(() => callBar(agentPage).getAttribute('data-phase'), { timeout: 20_000 }).toBe('connected');
    await expect.poll(() => callBar(agentPage).getAttribute('data-status')).toBe('connected');
    await expect
      .poll(() => phonePage.locator('[data-testid="sim-call-status"]').getAttribute('data-state'))
      .toBe('connected');
    expect(await callBar(agentPage).locator('[data-testid="call-customer"]').textContent()).toContain(phone);

    // Hold: the caller hears hold audio; mute: the agent's microphone in the conference.
    await agentPage.click('[data-testid="call-hold"]');
    await expect.poll(() => callBar(agentPage).getAttribute('data-status')).toBe('onHold');
    await expect
      .poll(() => phonePage.locator('[data-testid="sim-call-status"]').getAttribute('data-state'))
      .toBe('onHold');
    await agentPage.click('[data-testid="call-hold"]');
    await expect.poll(() => callBar(agentPage).getAttribute('data-status')).toBe('connected');
    // Muting moves nothing: Hang up stays under the mouse, the indicator appears in space kept for it.
    const boxes = async () =>
      Promise.all(
        ['call-hold', 'call-mute', 'call-transfer', 'call-hangup'].map((id) =>
          agentPage.locator(`[data-testid="${id}"]`).boundingBox(),
        ),
      );
    const unmuted = await boxes();
    expect(await agentPage.locator('[data-testid="call-muted"]').isVisible()).toBe(false);
    await agentPage.click('[data-testid="call-mute"]');
    await expect.poll(() => agentPage.locator('[data-testid="call-mute"]').getAttribute('aria-pressed')).toBe('true');
    expect(await agentPage.locator('[data-testid="call-muted"]').isVisible()).toBe(true);
    expect(await boxes()).toEqual(unmuted);

    await agentPage.click('[data-testid="call-hangup"]');
    await expect.poll(() => callBar(agentPage).getAttribute('data-status')).toBe('wrapUp');
    await expect
      .poll(() => phonePage.locator('[data-testid="sim-call-status"]').getAttribute('data-state'))
      .toBe('ended');

    const form = agentPage.locator('[data-testid="wrap-up-form"]');
    // The frozen timer says what it is; wrap-up counts down to when the next contact comes anyway; focus is on the outcome.
    expect(await callBar(agentPage).locator('[data-testid="call-timer"]').textContent()).toMatch(/^Talk \d+:\d\d$/);
    await expect
      .poll(() => form.locator('[data-testid="wrap-up-left"]').textContent())
      .toMatch(/^Wrap-up: [12]:\d\d left$/);
    await expect
      .poll(() => agentPage.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('wrap-up-disposition');
    await form.locator('[data-testid="wrap-up-disposition"]').selectOption('resolved');
    await form.locator('[data-testid="wrap-up-note"]').fill('Order status explained.');
    await form.locator('[data-testid="wrap-up-submit"]').click();
    await expect.poll(() => callBar(agentPage).getAttribute('data-status')).toBe('idle');

    const [call] = await db.sql<
      { disposition: string; wrapUpNote: string; wrapUp: string; talkSeconds: number | null }[]
    >`
      select disposition, wrap_up_note, wrap_up, talk_seconds from calls where from_number = ${phone}`;
    expect(call).toMatchObject({ disposition: 'resolved', wrapUpNote: 'Order status explained.', wrapUp: 'done' });
    expect(call.talkSeconds).not.toBeNull();

    // The ticket (the agent landed on it when accepting) lists the call with its outcome.
    const ticketCall = agentPage.locator('[data-testid="ticket-calls"] [data-testid="ticket-call"]');
    await expect.poll(() => ticketCall.getAttribute('data-disposition')).toBe('resolved');
    expect(await ticketCall.textContent()).toContain('Order status explained.');
  }, 120_000);
});

describe('transferring a call to another agent in Chromium', () => {
  it('when an agent transfers a connected call to a colleague, then the colleague’s browser phone rings, they answer and talk to the caller', async () => {
    // Only the agents of this test take calls.
    await db.sql`update users set presence = 'offline'`;
    const first = await aUser(db.sql, 'agent');
    const colleague = await aUser(db.sql, 'agent');
    const tester = await aUser(db.sql, 'supervisor');
    const phone = aPhone();

    const firstPage = await newPage();
    await signInAs(firstPage, server.url, first);
    await firstPage.selectOption('[data-testid="presence-switch"]', 'available');
    await expect
      .poll(async () => (await db.sql`select presence from users where id = ${first.id}`)[0].presence)
      .toBe('available');
    const colleaguePage = await newPage();
    await signInAs(colleaguePage, server.url, colleague);
    await expect.poll(() => callBar(colleaguePage).getAttribute('data-device')).toBe('simulator');

    const phonePage = await newPage();
    await signInAs(phonePage, server.url, tester);
    await phonePage.goto(`${server.url}/simulator`);
    await phonePage.click('[data-testid="sim-tab-voice"]');
    await phonePage.fill('[data-testid="sim-phone"]', phone);
    await phonePage.click('[data-testid="sim-call-start"]');
    const key1 = phonePage.locator('[data-testid="sim-keypad-1"]');
    await expect.poll(() => key1.isEnabled(), { timeout: 20_000 }).toBe(true);
    await key1.click();

    await firstPage.locator('[data-testid="screen-pop"]').waitFor({ timeout: 15_000 });
    await firstPage.click('[data-testid="accept-offer"]');
    await expect.poll(() => callBar(firstPage).getAttribute('data-status'), { timeout: 20_000 }).toBe('connected');

    // The colleague comes online (someone offline could not take the call: nothing would ring).
    await colleaguePage.selectOption('[data-testid="presence-switch"]', 'available');
    await expect
      .poll(async () => (await db.sql`select presence from users where id = ${colleague.id}`)[0].presence)
      .toBe('available');

    await firstPage.click('[data-testid="call-transfer"]');
    const target = firstPage.locator('[data-testid="call-transfer-target"]');
    await expect.poll(() => target.isEnabled()).toBe(true);
    // Focus moves into the panel; offline agents are listed but cannot be chosen; Escape closes the panel.
    await expect
      .poll(() => firstPage.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('call-transfer-target');
    const offline = target.locator('option[data-presence="offline"]');
    expect(await offline.count()).toBeGreaterThan(0);
    expect(
      await offline.evaluateAll((options) => options.every((option) => (option as HTMLOptionElement).disabled)),
    ).toBe(true);
    expect(await target.locator(`option[value="agent:${colleague.id}"]`).isDisabled()).toBe(false);
    await firstPage.keyboard.press('Escape');
    await expect.poll(() => firstPage.locator('[data-testid="call-transfer-panel"]').count()).toBe(0);
    expect(await firstPage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('call-transfer');

    await firstPage.click('[data-testid="call-transfer"]');
    await expect.poll(() => target.isEnabled()).toBe(true);
    await firstPage.selectOption('[data-testid="call-transfer-target"]', `agent:${colleague.id}`);
    await firstPage.click('[data-testid="call-transfer-confirm"]');

    // Nobody offered the colleague this call, so their phone rings and waits for them.
    await expect.poll(() => callBar(colleaguePage).getAttribute('data-status'), { timeout: 20_000 }).toBe('incoming');
    await expect.poll(() => callBar(firstPage).getAttribute('data-status')).toBe('idle');
    await colleaguePage.click('[data-testid="call-answer"]');
    await expect.poll(() => callBar(colleaguePage).getAttribute('data-status'), { timeout: 20_000 }).toBe('connected');
    await expect
      .poll(() => phonePage.locator('[data-testid="sim-call-status"]').getAttribute('data-state'))
      .toBe('connected');

    await phonePage.click('[data-testid="sim-call-hangup"]');
    await expect.poll(() => callBar(colleaguePage).getAttribute('data-status')).toBe('wrapUp');
  }, 120_000);
});

describe('a caller who withholds their number, in Chromium', () => {
  it('when the simulated phone withholds its number, then the call still pops on the agent’s screen, as a withheld-number customer', async () => {
    await db.sql`update users set presence = 'offline'`;
    const agent = await aUser(db.sql, 'agent');
    const tester = await aUser(db.sql, 'supervisor');
    const agentPage = await newPage();
    await signInAs(agentPage, server.url, agent);
    await agentPage.selectOption('[data-testid="presence-switch"]', 'available');
    await expect
      .poll(async () => (await db.sql`select presence from users where id = ${agent.id}`)[0].presence)
      .toBe('available');

    const phonePage = await newPage();
    await signInAs(phonePage, server.url, tester);
    await phonePage.goto(`${server.url}/simulator`);
    await phonePage.click('[data-testid="sim-tab-voice"]');
    await phonePage.check('[data-testid="sim-call-withhold"]');
    await phonePage.click('[data-testid="sim-call-start"]');
    const key1 = phonePage.locator('[data-testid="sim-keypad-1"]');
    await expect.poll(() => key1.isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await phonePage.locator('[data-testid="sim-call-status"] strong').first().textContent()).toBe('anonymous');
    await key1.click();

    const pop = agentPage.locator('[data-testid="screen-pop"]');
    await pop.waitFor({ timeout: 15_000 });
    expect(await pop.textContent()).toContain('Withheld number');
    await phonePage.click('[data-testid="sim-call-hangup"]');
  }, 90_000);
});
