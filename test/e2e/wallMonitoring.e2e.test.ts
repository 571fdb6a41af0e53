import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TwilioHttpRequest } from '../../server/voice/simulator/rest/restResponses';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone } from '../support/contacts';
import { aQueue, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// A supervisor on the wall listens to a live call, coaches the agent, barges in and leaves, all from the console's
// buttons, against the simulated Twilio: their browser phone picks up its monitoring leg by itself, the conference
// participant requests reach Twilio's REST API as Twilio documents them, the agent is told, and the caller's
// simulator page shows the supervisor's leg in each mode.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
/** Every conference participant request the server sent to the (simulated) Twilio REST API, in order. */
const participantRequests: { method: string; uri: string; data: Record<string, string> }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // No Twilio credentials: the official client talks to the built-in fake Twilio through its httpClient.
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '30' }));
  const fake = server.ctx.voice.simulator!;
  const serve = fake.request.bind(fake);
  // Recorded on the way in, then served by the fake as it is.
  fake.request = (req: TwilioHttpRequest) => {
    if (req.uri.includes('/Participants'))
      participantRequests.push({
        method: req.method.toUpperCase(),
        uri: req.uri,
        data: Object.fromEntries(Object.entries(req.data ?? {}).map(([k, v]) => [k, String(v)])),
      });
    return serve(req);
  };
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.drop();
});

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

const party = (page: Page, role: string) => page.locator(`[data-testid="sim-call-party"][data-role="${role}"]`).first();

describe('call monitoring from the supervisors’ console in Chromium', () => {
  it('when a supervisor listens, coaches, barges and stops from the wall, then their phone joins by itself, Twilio gets each participant change, the agent is told and the caller’s simulator shows the supervisor', async () => {
    const team = await aTeam(db.sql);
    await aQueue(db.sql, { name: 'Phone', teamId: team, entryForChannels: ['voice'] });
    const agent = await aUser(db.sql, 'agent', { teamIds: [team], name: 'Ann Agent' });
    const supervisor = await aUser(db.sql, 'supervisor', { teamIds: [team], name: 'Sam Supervisor' });
    const admin = await aUser(db.sql, 'admin');
    const adminApi = await new TestClient(server.url).signIn(admin.email, admin.password);
    const setting = await adminApi.put('/api/wall/settings/monitoring', {
      notifyAgentWhenMonitored: true,
      shortAbandonSeconds: 5,
    });
    expect(setting.status, setting.text).toBe(200);

    const agentPage = await newPage();
    await signInAs(agentPage, server.url, agent);
    await agentPage.selectOption('[data-testid="presence-switch"]', 'available');
    await expect
      .poll(() => agentPage.locator('[data-testid="call-bar"]').getAttribute('data-device'))
      .toBe('simulator');

    // The caller, on the simulator page, picks "speak to an agent".
    const phonePage = await newPage();
    await signInAs(phonePage, server.url, admin);
    await phonePage.click('a[href="/simulator"]');
    await phonePage.click('[data-testid="sim-tab-voice"]');
    await phonePage.fill('[data-testid="sim-phone"]', aPhone());
    await phonePage.click('[data-testid="sim-call-start"]');
    const key1 = phonePage.locator('[data-testid="sim-keypad-1"]');
    await expect.poll(() => key1.isEnabled(), { timeout: 20_000 }).toBe(true);
    await key1.click();

    // The agent accepts; their browser phone answers; the caller talks to them.
    await agentPage.locator('[data-testid="screen-pop"]').waitFor({ timeout: 15_000 });
    await agentPage.click('[data-testid="accept-offer"]');
    await expect
      .poll(() => agentPage.locator('[data-testid="call-bar"]').getAttribute('data-status'))
      .toBe('connected');
    await expect
      .poll(() => phonePage.locator('[data-testid="sim-call-status"]').getAttribute('data-state'))
      .toBe('connected');
    await party(phonePage, 'agent').waitFor();
    const [call] = await db.sql<{ id: string; callSid: string }[]>`
      select id, call_sid from calls where agent_id = ${agent.id} and ended_at is null`;
    const [agentLeg] = await db.sql<{ callSid: string }[]>`
      select call_sid from call_legs where call_id = ${call.id} and answered_at is not null`;

    // The supervisor's wall: the agent's row offers Listen, Coach and Barge.
    const wall = await newPage();
    await signInAs(wall, server.url, supervisor);
    await expect.poll(() => wall.locator('[data-testid="call-bar"]').getAttribute('data-device')).toBe('simulator');
    await wall.click('a[href="/supervisor"]');
    const controls = wall.locator(
      `tr[data-testid="agent-row"][data-agent-id="${agent.id}"] [data-testid="monitor-controls"]`,
    );
    await controls.waitFor();

    // Listen: the server adds the supervisor's browser muted; their phone answers its own monitoring leg.
    participantRequests.length = 0;
    await controls.locator('[data-testid="monitor-listen"]').click();
    await expect.poll(() => controls.getAttribute('data-mode')).toBe('listen');
    const [session] = await db.sql<{ callSid: string }[]>`
      select call_sid from monitor_sessions where call_id = ${call.id} and status = 'active'`;
    const supervisorLeg = session.callSid;
    const fake = server.ctx.voice.simulator!;
    await fake.waitFor(supervisorLeg, (leg) => leg.status === 'in-progress');
    expect(fake.snapshot(supervisorLeg)!.to).toBe(`client:agent-${supervisor.id}`);
    expect(participantRequests[0]).toMatchObject({
      method: 'POST',
      data: { To: `client:agent-${supervisor.id}`, Muted: 'true', Coaching: 'false', Label: 'supervisor' },
    });
    expect(participantRequests[0].uri).toMatch(/\/Conferences\/CF[0-9a-f]{32}\/Participants\.json$/);
    expect(participantRequests[0].data).not.toHaveProperty('CallSidToCoach');
    const notice = agentPage.locator('[data-testid="being-monitored"]');
    await expect.poll(() => notice.getAttribute('data-mode')).toBe('listen');
    expect(await notice.textContent()).toContain('Sam Supervisor');
    await expect.poll(() => party(phonePage, 'supervisor').getAttribute('data-monitoring')).toBe('listening');

    // Coach: the same participant, now coaching the agent's leg, heard by the agent only.
    await controls.locator('[data-testid="monitor-whisper"]').click();
    await expect.poll(() => controls.getAttribute('data-mode')).toBe('whisper');
    expect(participantRequests.at(-1)).toMatchObject({
      method: 'POST',
      data: { Muted: 'false', Coaching: 'true', CallSidToCoach: agentLeg.callSid },
    });
    expect(participantRequests.at(-1)!.uri).toMatch(new RegExp(`/Participants/${supervisorLeg}\\.json$`));
    await expect.poll(() => notice.getAttribute('data-mode')).toBe('whisper');
    await expect.poll(() => party(phonePage, 'supervisor').getAttribute('data-monitoring')).toBe('coaching');

    // Barge: heard by everyone.
    await controls.locator('[data-testid="monitor-barge"]').click();
    await expect.poll(() => controls.getAttribute('data-mode')).toBe('barge');
    expect(participantRequests.at(-1)).toMatchObject({ method: 'POST', data: { Muted: 'false', Coaching: 'false' } });
    expect(participantRequests.at(-1)!.data).not.toHaveProperty('CallSidToCoach');
    await expect.poll(() => notice.getAttribute('data-mode')).toBe('barge');
    await expect.poll(() => party(phonePage, 'supervisor').getAttribute('data-monitoring')).toBe('barged');
    expect(participantRequests.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);

    // Stop: the supervisor's leg hangs up; the caller and the agent go on talking.
    await controls.locator('[data-testid="monitor-stop"]').click();
    await fake.waitFor(supervisorLeg, (leg) => leg.status === 'completed');
    await expect.poll(() => controls.getAttribute('data-mode')).toBe('');
    await expect.poll(() => notice.count()).toBe(0);
    await expect
      .poll(() => phonePage.locator('[data-testid="sim-call-party"][data-role="supervisor"]').count())
      .toBe(0);
    expect(fake.snapshot(call.callSid)!.status).toBe('in-progress');
    expect(await agentPage.locator('[data-testid="call-bar"]').getAttribute('data-status')).toBe('connected');
    // Nobody pressed Answer on the wall: the supervisor's phone never waited for it.
    expect(await wall.locator('[data-testid="call-bar"]').getAttribute('data-status')).toBe('idle');
  }, 120_000);
});
