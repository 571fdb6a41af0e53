import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallFiguresResponse } from '../../server/http/wallApiTypes';
import { recordContactFact, type ContactFact } from '../../server/wall/contactFacts';
import { endExpiredWrapUps } from '../../server/wall/wrapUpEnds';
import { aCustomer, aQueue, aSkill, aTeam, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// A scripted day replayed as facts with explicit times (the same database function the triggers call), and every
// figure of the wall and the reports compared with values computed by hand in the comments.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let teamBSupervisor: TestClient;
let queueA: string;
let queueB: string;
let queueC: string;
let alice: string;
let bob: string;
let carol: Awaited<ReturnType<typeof aUser>>;
let customer: string;
/** The script's "now", and the day's first contact two hours before it. */
const now0 = new Date(Math.floor(Date.now() / 1000) * 1000);
const T0 = new Date(now0.getTime() - 2 * 3600_000);
const t = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const ago = (seconds: number) => new Date(now0.getTime() - seconds * 1000);

async function contact(channel: 'voice' | 'sms', facts: Omit<ContactFact, 'ticketId'>[]) {
  const ticketId = await aTicket(db.sql, { customerId: customer, channel });
  for (const f of facts) await recordContactFact(db.sql, { ...f, ticketId });
  return ticketId;
}

/**
 * A call in queue C answered by Carol through the call's own row, so its end and its after-call work go through the
 * triggers: queued at `queued`, answered `wait` s later, talking `talk` s; `wrapUp` says how after-call work ends.
 */
async function carolsCall(queued: number, wait: number, talk: number, wrapUp: { submittedAfter: number } | 'pending') {
  const ticketId = await contact('voice', [
    { kind: 'queued', queueId: queueC, at: t(queued) },
    { kind: 'answered', agentId: carol.id, seconds: wait, at: t(queued + wait) },
  ]);
  const [{ id }] = await db.sql<{ id: string }[]>`
    insert into calls (ticket_id, direction, from_number, to_number, status, queue_id, agent_id, connected_at)
    values (${ticketId}, 'inbound', '+15550100', '+15550199', 'in-progress', ${queueC}, ${carol.id}, ${t(queued + wait)})
    returning id`;
  const ended = t(queued + wait + talk);
  // Submitted within its time: ended and wrapped up in one change, before the sweep can see it pending.
  await (wrapUp === 'pending'
    ? db.sql`update calls set status = 'completed', ended_at = ${ended}, talk_seconds = ${talk}, wrap_up = 'pending' where id = ${id}`
    : db.sql`
        update calls set status = 'completed', ended_at = ${ended}, talk_seconds = ${talk}, wrap_up = 'done',
          disposition = 'resolved', wrapped_up_at = ${t(queued + wait + talk + wrapUp.submittedAfter)}
        where id = ${id}`);
  return id;
}

async function presence(userId: string, p: string, at: Date) {
  await db.sql`insert into presence_events (user_id, presence, reason, at) values (${userId}, ${p}, 'console', ${at})`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { LOG_LEVEL: 'error' }));
  const teamA = await aTeam(db.sql);
  const teamB = await aTeam(db.sql);
  queueA = await aQueue(db.sql, { name: 'Queue A', teamId: teamA });
  queueB = await aQueue(db.sql, { name: 'Queue B', teamId: teamB });
  const teamC = await aTeam(db.sql);
  // Only Carol has the skill queue C asks for: its occupancy is over her staffed time alone.
  const billing = await aSkill(db.sql);
  queueC = await aQueue(db.sql, { name: 'Queue C', teamId: teamC, skills: [billing] });
  // "Today" starts three hours before the script's now, in each queue's time zone.
  const reset = new Date(now0.getTime() - 3 * 3600_000).toISOString().slice(11, 16);
  await db.sql`update queues set stats_reset_time = ${reset}, stats_timezone = 'UTC', service_level_seconds = 20`;
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  const s = await aUser(db.sql, 'supervisor', { teamIds: [teamB] });
  teamBSupervisor = await new TestClient(server.url).signIn(s.email, s.password);
  alice = (await aUser(db.sql, 'agent', { name: 'Alice', teamIds: [teamA] })).id;
  bob = (await aUser(db.sql, 'agent', { name: 'Bob', teamIds: [teamB] })).id;
  carol = await aUser(db.sql, 'agent', { name: 'Carol', teamIds: [teamC], skills: [billing] });
  // Carol takes calls only: no SMS or email capacity, so the SMS and email occupancy leave her staffed time out.
  await db.sql`update users set capacity_sms = 0, capacity_email = 0 where id = ${carol.id}`;
  customer = await aCustomer(db.sql);

  // Alice is staffed 3600 s (T0-600 → T0+3000); Bob 6900 s (T0 → 5 minutes before now).
  await presence(alice, 'available', t(-600));
  await presence(alice, 'offline', t(3000));
  await presence(bob, 'available', t(0));
  await presence(bob, 'away', ago(300));
  // Carol is staffed 2000 s (T0 → T0+2000).
  await presence(carol.id, 'available', t(0));
  await presence(carol.id, 'offline', t(2000));

  // c1: answered after 10 s by Alice, 30 s on hold, 300 s connected, 60 s wrap-up → handle 360.
  await contact('voice', [
    { kind: 'queued', queueId: queueA, at: t(0) },
    { kind: 'answered', agentId: alice, seconds: 10, at: t(10) },
    { kind: 'hold', agentId: alice, seconds: 30, at: t(100) },
    { kind: 'ended', agentId: alice, seconds: 300, at: t(310) },
    { kind: 'wrap_up', agentId: alice, seconds: 60, at: t(370) },
  ]);
  // c2: answered after 40 s (outside the 20 s threshold), 200 s connected, no wrap-up.
  await contact('voice', [
    { kind: 'queued', queueId: queueA, at: t(60) },
    { kind: 'answered', agentId: alice, seconds: 40, at: t(100) },
    { kind: 'ended', agentId: alice, seconds: 200, at: t(300) },
  ]);
  // c3: hung up after 3 s: a short abandon. c4: after 50 s: an abandon. c5: chose a callback.
  await contact('voice', [
    { kind: 'queued', queueId: queueA, at: t(120) },
    { kind: 'abandoned', at: t(123) },
  ]);
  await contact('voice', [
    { kind: 'queued', queueId: queueA, at: t(180) },
    { kind: 'abandoned', at: t(230) },
  ]);
  await contact('voice', [
    { kind: 'queued', queueId: queueA, at: t(240) },
    { kind: 'callback', at: t(270) },
  ]);
  // c6: overflowed from A to B after 100 s, answered in B 20 s later by Bob, 100 s connected.
  await contact('voice', [
    { kind: 'queued', queueId: queueA, at: t(300) },
    { kind: 'transferred', at: t(400) },
    { kind: 'queued', queueId: queueB, at: t(400) },
    { kind: 'answered', agentId: bob, seconds: 20, at: t(420) },
    { kind: 'ended', agentId: bob, seconds: 100, at: t(520) },
  ]);
  // c9: an SMS in B answered after 30 s by Alice, resolved 600 s later.
  await contact('sms', [
    { kind: 'queued', queueId: queueB, at: t(500) },
    { kind: 'answered', agentId: alice, seconds: 30, at: t(530) },
    { kind: 'ended', agentId: alice, seconds: 600, at: t(1130) },
  ]);
  // c7, in the last 30 minutes: answered after 5 s by Bob, 120 s connected, 30 s wrap-up.
  await contact('voice', [
    { kind: 'queued', queueId: queueA, at: ago(600) },
    { kind: 'answered', agentId: bob, seconds: 5, at: ago(595) },
    { kind: 'ended', agentId: bob, seconds: 120, at: ago(475) },
    { kind: 'wrap_up', agentId: bob, seconds: 30, at: ago(445) },
  ]);
  // After-call work in AHT whatever ends it (AFTER_CALL_WORK_SECONDS is 120 here). c10: answered after 10 s, 100 s
  // of talk, the wrap-up never submitted: its time runs out, 120 s → handle 220.
  await carolsCall(600, 10, 100, 'pending');
  // c11: answered after 10 s, 90 s of talk, the wrap-up submitted long after its time was up: 120 s → handle 210.
  const c11 = await carolsCall(800, 10, 90, 'pending');
  // c12: answered after 5 s, 60 s of talk, the wrap-up submitted 45 s after the call → handle 105.
  await carolsCall(1000, 5, 60, { submittedAfter: 45 });
  // The worker's sweep (run here rather than waited for) ends the wrap-ups whose time is up; then Carol submits c11's.
  await endExpiredWrapUps(server.ctx);
  const carolsConsole = await new TestClient(server.url).signIn(carol.email, carol.password);
  const submitted = await carolsConsole.post(`/api/calls/${c11}/wrap-up`, { disposition: 'resolved', note: 'late' });
  expect(submitted.status, submitted.text).toBe(200);
  // c8: waiting in A for two minutes now (entered through the ticket's own trigger).
  await db.sql`
    insert into tickets (customer_id, channel, subject, status, queue_id, queued_at, waiting_since)
    values (${customer}, 'voice', 'Waiting', 'new', ${queueA}, ${ago(120)}, ${ago(120)})`;
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const figures = async (client: TestClient) => {
  const res = await client.get('/api/wall/figures');
  expect(res.status, res.text).toBe(200);
  return res.body as WallFiguresResponse;
};

describe('the wall over a scripted day', () => {
  it('when the day is replayed, then queue A shows every figure as computed by hand', async () => {
    const body = await figures(admin);
    const a = body.queues.find((q) => q.queueId === queueA)!;
    expect(a.todaySince).toBe(new Date(now0.getTime() - 3 * 3600_000 - (now0.getTime() % 60_000)).toISOString());
    expect(a.total.today).toMatchObject({
      waiting: 1,
      offered: 8, // c1–c8
      answered: 3, // c1, c2, c7
      answeredWithinThreshold: 2, // c1 (10 s), c7 (5 s)
      shortAbandoned: 1, // c3
      abandoned: 1, // c4
      callbacks: 1, // c5
      transfers: 1, // c6
      handled: 3,
      answerWaitSeconds: 55, // 10 + 40 + 5
      handleSeconds: 710, // 360 + 200 + 150
      serviceLevel: 0.2857, // 2 ÷ (8 − 1)
      asaSeconds: 18.3, // 55 ÷ 3
      ahtSeconds: 236.7, // 710 ÷ 3
      abandonRate: 0.1667, // 1 ÷ (8 − 1 − 1)
    });
    expect(a.total.today.longestWaitSeconds).toBeGreaterThanOrEqual(120);
    expect(a.total.last30Minutes).toMatchObject({
      waiting: 1,
      offered: 2, // c7, c8
      answered: 1,
      answeredWithinThreshold: 1,
      serviceLevel: 0.5,
      asaSeconds: 5,
      ahtSeconds: 150,
      abandonRate: 0,
    });
    expect(a.byChannel.sms.today.offered).toBe(0);
    expect(a.byChannel.voice.today.offered).toBe(8);
  });

  it('when the day is replayed, then queue B and the total agree with the hand count, per channel too', async () => {
    const body = await figures(admin);
    const b = body.queues.find((q) => q.queueId === queueB)!;
    expect(b.total.today).toMatchObject({ offered: 2, answered: 2, answeredWithinThreshold: 1, handled: 2 });
    expect(b.byChannel.voice.today).toMatchObject({ offered: 1, answered: 1, asaSeconds: 20, ahtSeconds: 100 });
    expect(b.byChannel.sms.today).toMatchObject({ offered: 1, answered: 1, asaSeconds: 30, ahtSeconds: 600 });
    expect(body.total.today).toMatchObject({
      waiting: 1,
      offered: 13, // A 8, B 2, C 3
      answered: 8,
      answeredWithinThreshold: 6,
      shortAbandoned: 1,
      abandoned: 1,
      callbacks: 1,
      transfers: 1,
      handled: 8,
      serviceLevel: 0.5, // 6 ÷ 12
      asaSeconds: 16.3, // (105 + 25) ÷ 8
      ahtSeconds: 243.1, // (1410 + 535) ÷ 8
      abandonRate: 0.0909, // 1 ÷ 11
      // Time handling any contact, overlaps once: Alice [10, 370] (c1, c2 and c1's wrap-up) + [530, 1130] (the SMS
      // c9) = 960, Bob 100 + 150 = 250, Carol [610, 1110] = 500; ÷ staffed time (3600 + 6900 + 2000).
      occupancy: 0.1368, // 1710 ÷ 12500
    });
    // Bob handled c7 (150 s) in the last 30 minutes, staffed until 5 minutes ago: 150 ÷ ~1500.
    expect(body.total.last30Minutes.occupancy).toBeCloseTo(0.1, 2);
  });

  it('when wrap-ups end by their time, by a late submit or by a submit in time, then AHT counts each once', async () => {
    const c = (await figures(admin)).queues.find((q) => q.queueId === queueC)!;
    expect(c.total.today).toMatchObject({
      offered: 3,
      answered: 3,
      handled: 3,
      // c10 100 + 120 (time up), c11 90 + 120 (time up, then a late submit), c12 60 + 45 (submitted in time).
      handleSeconds: 535,
      ahtSeconds: 178.3,
    });
    const from = new Date(now0.getTime() - 3 * 3600_000).toISOString();
    const res = await admin.get(
      `/api/reports/agents?from=${encodeURIComponent(from)}&to=${encodeURIComponent(now0.toISOString())}&interval=month&agentId=${carol.id}`,
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.rows).toEqual([
      // Handling [610, 1110] while staffed [0, 2000].
      expect.objectContaining({ handled: 3, talkSeconds: 250, wrapUpSeconds: 285, occupancy: 0.25 }),
    ]);
    // Another sweep changes nothing: each wrap-up is counted once.
    expect(await endExpiredWrapUps(server.ctx)).toEqual({ ended: 0 });
  });

  it('when the day is replayed, then occupancy per queue and per channel is the hand count', async () => {
    const body = await figures(admin);
    const queue = (id: string) => body.queues.find((q) => q.queueId === id)!;
    // Staffed: Alice 3600, Bob 6900, Carol 2000 (all of them today; in the last 30 minutes Bob alone, 1500).
    // A needs no skill: every agent is eligible. Handling A's contacts: Alice [10, 370] (c1, c2, c1's wrap-up) = 360,
    // Bob c7 150 → 510 ÷ 12500. Its last 30 minutes: c7 150 ÷ Bob's 1500.
    expect(queue(queueA).total.today.occupancy).toBe(0.0408);
    // (the wall's now is a moment past the script's: Bob's staffed time is a hair short of 1500).
    expect(queue(queueA).total.last30Minutes.occupancy).toBeCloseTo(0.1, 2);
    // B: Bob c6 100 + Alice's SMS c9 600 = 700 ÷ 12500; per channel, voice 100 ÷ 12500 and SMS 600 ÷ the SMS-capable
    // Alice and Bob's 10500.
    expect(queue(queueB).total.today.occupancy).toBe(0.056);
    expect(queue(queueB).byChannel.voice.today.occupancy).toBe(0.008);
    expect(queue(queueB).byChannel.sms.today.occupancy).toBe(0.0571);
    expect(queue(queueB).byChannel.email.today.occupancy).toBe(0);
    expect(queue(queueB).total.last30Minutes.occupancy).toBe(0);
    // C asks for a skill only Carol has: her [610, 1110] = 500 ÷ her 2000. Nobody eligible was staffed in the last
    // 30 minutes: no figure. SMS: Carol has no SMS capacity, and no one else is eligible.
    expect(queue(queueC).total.today.occupancy).toBe(0.25);
    expect(queue(queueC).total.last30Minutes.occupancy).toBeNull();
    expect(queue(queueC).byChannel.sms.today.occupancy).toBeNull();
    // Per channel over every queue: voice 360 + 100 + 150 + 500 = 1110 ÷ 12500; SMS 600 ÷ Alice and Bob's 10500;
    // email nothing handled ÷ 10500. The last 30 minutes: voice c7 150 ÷ Bob's 1500.
    expect(body.channelOccupancy).toMatchObject({
      voice: { today: 0.0888 },
      sms: { today: 0.0571, last30Minutes: 0 },
      email: { today: 0, last30Minutes: 0 },
    });
    expect(body.channelOccupancy.voice.last30Minutes).toBeCloseTo(0.1, 2);
  });

  it('when the same period is reported, then each queue and channel row has the wall’s occupancy', async () => {
    const wall = await figures(admin);
    const from = wall.queues[0].todaySince;
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await admin.get(
      `/api/reports/contacts?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&interval=month`,
    );
    expect(res.status, res.text).toBe(200);
    const row = (queueId: string, channel: string) =>
      res.body.rows.filter((r: any) => r.queueId === queueId && r.channel === channel);
    for (const q of wall.queues)
      for (const channel of ['voice', 'sms'] as const)
        for (const r of row(q.queueId, channel)) expect(r.occupancy).toBe(q.byChannel[channel].today.occupancy);
    expect(row(queueB, 'sms')).toEqual([expect.objectContaining({ occupancy: 0.0571 })]);
    expect(row(queueC, 'voice')).toEqual([expect.objectContaining({ occupancy: 0.25 })]);
    // Every reported queue's contacts (1110 voice + 600 SMS, overlaps once: Alice's c9 does not overlap her calls)
    // ÷ the staffed time of everyone eligible for one of them: 1710 ÷ 12500.
    expect(res.body.totals.occupancy).toBe(0.1368);
    const sms = await admin.get(
      `/api/reports/contacts?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&interval=month&channel=sms`,
    );
    expect(sms.body.totals.occupancy).toBe(wall.channelOccupancy.sms.today);
  });

  it('when a supervisor of team B looks, then they see queue B only', async () => {
    const body = await figures(teamBSupervisor);
    expect(body.queues.map((q) => q.queueId)).toEqual([queueB]);
    expect(body.total.today.offered).toBe(2);
  });

  it('when the same period is reported, then the contact report agrees with the wall', async () => {
    const wall = await figures(admin);
    const from = wall.queues[0].todaySince;
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await admin.get(
      `/api/reports/contacts?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&interval=month`,
    );
    expect(res.status, res.text).toBe(200);
    const { waiting, longestWaitSeconds, oldestWaitingSince, occupancy, answerWaitSeconds, handleSeconds, ...same } =
      wall.total.today;
    void [waiting, longestWaitSeconds, oldestWaitingSince, occupancy, answerWaitSeconds, handleSeconds];
    // Occupancy apart: the report's totals are over the reported queues' eligible agents (checked below).
    const { occupancy: reportOccupancy, ...reportSame } = res.body.totals;
    void reportOccupancy;
    expect(reportSame).toEqual(same);
    const aVoice = res.body.rows.filter((r: any) => r.queueId === queueA && r.channel === 'voice');
    expect(aVoice.reduce((n: number, r: any) => n + r.offered, 0)).toBe(8);
  });

  it('when the agents are reported, then handled, talk, hold, wrap-up and time in each state are the hand count', async () => {
    const from = new Date(now0.getTime() - 3 * 3600_000).toISOString();
    const res = await admin.get(
      `/api/reports/agents?from=${encodeURIComponent(from)}&to=${encodeURIComponent(now0.toISOString())}&interval=month&agentId=${alice}`,
    );
    expect(res.status, res.text).toBe(200);
    const rows = res.body.rows.filter((r: any) => r.agentId === alice);
    const sum = (k: string) => rows.reduce((n: number, r: any) => n + r[k], 0);
    expect(sum('handled')).toBe(3); // c1, c2, c9
    expect(sum('talkSeconds')).toBe(470); // (300 − 30) + 200
    expect(sum('holdSeconds')).toBe(30);
    expect(sum('wrapUpSeconds')).toBe(60);
    expect(rows.reduce((n: number, r: any) => n + r.presenceSeconds.available, 0)).toBe(3600);
  });

  it('when a report is asked as CSV, then it is UTF-8 with a byte order mark and a header row', async () => {
    const from = new Date(now0.getTime() - 3 * 3600_000).toISOString();
    const res = await fetch(
      `${server.url}/api/reports/contacts?from=${encodeURIComponent(from)}&to=${encodeURIComponent(now0.toISOString())}&interval=60m&format=csv`,
      { headers: { cookie: admin.cookie! } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe(
      'period,queueName,channel,offered,answered,answeredWithinThreshold,abandoned,shortAbandoned,callbacks,transfers,handled,serviceLevel,asaSeconds,ahtSeconds,abandonRate,occupancy',
    );
    expect(text).toContain('Queue A,voice');
  });

  it('when an agent holds an SMS and an email at once, still open, then occupancy counts that time once', async () => {
    // Last in the file: these contacts would change the day's totals above.
    const teamD = await aTeam(db.sql);
    const queueD = await aQueue(db.sql, { name: 'Queue D', teamId: teamD });
    const dan = (await aUser(db.sql, 'agent', { name: 'Dan', teamIds: [teamD] })).id;
    await presence(dan, 'available', t(0));
    for (const [channel, queued, answered] of [
      ['sms', 620, 600],
      ['email', 310, 300],
    ] as const) {
      const ticketId = await aTicket(db.sql, { customerId: customer, channel, assigneeId: dan });
      await recordContactFact(db.sql, { kind: 'queued', ticketId, queueId: queueD, at: ago(queued) });
      await recordContactFact(db.sql, {
        kind: 'answered',
        ticketId,
        agentId: dan,
        seconds: queued - answered,
        at: ago(answered),
      });
    }
    const from = new Date(now0.getTime() - 3 * 3600_000).toISOString();
    const res = await admin.get(
      `/api/reports/agents?from=${encodeURIComponent(from)}&to=${encodeURIComponent(now0.toISOString())}&interval=month&agentId=${dan}`,
    );
    expect(res.status, res.text).toBe(200);
    // Handling [now − 600, now] (the email overlaps the SMS) ÷ staffed [T0, now] = 600 ÷ 7200.
    expect(res.body.rows).toEqual([expect.objectContaining({ handled: 0, occupancy: 0.0833 })]);
  });

  it('when a report range is wrong, then a 400 names the field', async () => {
    const res = await admin.get('/api/reports/contacts?from=yesterday&to=2026-12-08T00:00:00Z');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: any) => f.path)).toContain('from');
    const tooMany = await admin.get(
      '/api/reports/contacts?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=15m',
    );
    expect(tooMany.status).toBe(400);
  });
});
