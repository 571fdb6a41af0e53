import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceView } from '../../server/http/apiTypes';
import { SWEEP_EVERY_MS } from '../../server/presence/presenceTiming';
import { rooms } from '../../server/realtime/rooms';
import { aQueue, aSkill, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let env: Record<string, string>;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];
const GRACE_MS = 1000;

beforeAll(async () => {
  db = await createTestDatabase();
  env = testEnv(db.url, { PRESENCE_GRACE_SECONDS: String(GRACE_MS / 1000) });
  server = await startTestServer(env);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

async function signedIn(user: { email: string; password: string }) {
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  sockets.push(socket);
  return { client, socket };
}
const presenceOf = async (userId: string) =>
  (await db.sql<{ presence: string }[]>`select presence from users where id = ${userId}`)[0].presence;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('socket authentication', () => {
  it('when a socket connects without a session or with a forged one, then it is refused', async () => {
    await expect(connectSocket(server.url)).rejects.toThrow('unauthenticated');
    await expect(connectSocket(server.url, 'sb_session=forged-token-value')).rejects.toThrow('unauthenticated');
  });

  it('when the user signs out, then the sockets of that session are closed', async () => {
    const { client, socket } = await signedIn(await aUser(db.sql, 'agent'));
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    await client.post('/api/auth/sign-out');
    await expect(closed).resolves.toBe('io server disconnect');
  });
});

describe('rooms', () => {
  it('when an event goes to a queue’s room, then agents with the queue’s skills receive it and others do not', async () => {
    const skill = await aSkill(db.sql);
    const queueId = await aQueue(db.sql, { skills: [skill] });
    const skilled = await signedIn(await aUser(db.sql, 'agent', { skills: [skill] }));
    const unskilledUser = await aUser(db.sql, 'agent');
    const unskilled = await signedIn(unskilledUser);
    const toSkilled = nextEvent<PresenceView>(skilled.socket, 'presence.changed');
    const unskilledFirst = nextEvent<PresenceView>(unskilled.socket, 'presence.changed');
    const probe = {
      userId: queueId,
      presence: 'busy' as const,
      presenceChangedAt: new Date().toISOString(),
      awayReason: null,
    };
    server.ctx.publisher.emit([rooms.queue(queueId)], 'presence.changed', probe);
    expect(await toSkilled).toEqual(probe);
    // Then something the unskilled agent does get: their own room. If the queue event had reached them, it would come first.
    server.ctx.publisher.emit([rooms.agent(unskilledUser.id)], 'presence.changed', { ...probe, userId: 'own' });
    expect((await unskilledFirst).userId).toBe('own');
  });
});

describe('presence', () => {
  it('when an agent sets presence, then it is stored with its time and reaches their own sockets and their team’s supervisors only', async () => {
    const north = await aTeam(db.sql);
    const south = await aTeam(db.sql);
    const northAgent = await aUser(db.sql, 'agent', { teamIds: [north] });
    const southAgent = await aUser(db.sql, 'agent', { teamIds: [south] });
    const northSupervisor = await signedIn(await aUser(db.sql, 'supervisor', { teamIds: [north] }));
    const southSupervisor = await signedIn(await aUser(db.sql, 'supervisor', { teamIds: [south] }));
    const admin = await signedIn(await aUser(db.sql, 'admin'));
    const agent = await signedIn(northAgent);
    const otherTab = await signedIn(northAgent);

    const toSupervisor = nextEvent<PresenceView>(northSupervisor.socket, 'presence.changed');
    const toAdmin = nextEvent<PresenceView>(admin.socket, 'presence.changed');
    const toOtherTab = nextEvent<PresenceView>(otherTab.socket, 'presence.changed');
    const southFirst = nextEvent<PresenceView>(southSupervisor.socket, 'presence.changed');
    const before = Date.now();
    const res = await agent.client.put('/api/me/presence', { presence: 'available' });
    expect(res.status).toBe(200);
    for (const event of [await toSupervisor, await toAdmin, await toOtherTab]) {
      expect(event).toEqual({
        userId: northAgent.id,
        presence: 'available',
        presenceChangedAt: res.body.presenceChangedAt,
        awayReason: null,
      });
    }
    const [stored] = await db.sql<
      { presence: string; presenceChangedAt: Date }[]
    >`select presence, presence_changed_at from users where id = ${northAgent.id}`;
    expect(stored.presence).toBe('available');
    expect(stored.presenceChangedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await db.sql`select presence, reason from presence_events where user_id = ${northAgent.id}`).toEqual([
      { presence: 'available', reason: 'console' },
    ]);

    // Events arrive in order, so if the south supervisor's first event is the south agent's, the north one never came.
    await (await signedIn(southAgent)).client.put('/api/me/presence', { presence: 'busy' });
    expect((await southFirst).userId).toBe(southAgent.id);
  });

  it('when presence is not one of the four states, then it answers 400 and nothing changes', async () => {
    const user = await aUser(db.sql, 'agent');
    const { client } = await signedIn(user);
    const res = await client.put('/api/me/presence', { presence: 'lunch' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('presence');
    expect(await presenceOf(user.id)).toBe('offline');
  });

  it('when the agent’s socket drops and comes back within the grace period, then they stay available', async () => {
    const user = await aUser(db.sql, 'agent');
    const { client, socket } = await signedIn(user);
    await client.put('/api/me/presence', { presence: 'available' });
    socket.close();
    await sleep(GRACE_MS / 3);
    sockets.push(await connectSocket(server.url, client.cookie));
    await sleep(GRACE_MS * 2);
    expect(await presenceOf(user.id)).toBe('available');
  });

  it('when the agent’s socket drops for longer than the grace period, then they go offline and supervisors are told', async () => {
    const team = await aTeam(db.sql);
    const user = await aUser(db.sql, 'agent', { teamIds: [team] });
    const supervisor = await signedIn(await aUser(db.sql, 'supervisor', { teamIds: [team] }));
    const { client, socket } = await signedIn(user);
    await client.put('/api/me/presence', { presence: 'available' });
    const wentOffline = nextEvent<PresenceView>(
      supervisor.socket,
      'presence.changed',
      (e) => e.userId === user.id && e.presence === 'offline',
      GRACE_MS * 5,
    );
    const droppedAt = Date.now();
    socket.close();
    await wentOffline;
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(await presenceOf(user.id)).toBe('offline');
    expect(
      (await db.sql`select reason from presence_events where user_id = ${user.id} order by id desc limit 1`)[0].reason,
    ).toBe('disconnected');
  });
});

describe('presence when a realtime process shuts down cleanly', () => {
  /** A second process of the same deployment (same database and Redis prefix), holding the agent's only console. */
  async function consoleOnAnotherProcess() {
    const other = await startTestServer(env);
    const user = await aUser(db.sql, 'agent');
    const client = await new TestClient(other.url).signIn(user.email, user.password);
    sockets.push(await connectSocket(other.url, client.cookie));
    await client.put('/api/me/presence', { presence: 'available' });
    return { other, user, client };
  }

  it('when the process stops and the console reconnects to another process within the grace period, then the agent stays available', async () => {
    const { other, user, client } = await consoleOnAnotherProcess();
    await other.stop();
    sockets.push(await connectSocket(server.url, client.cookie));
    await sleep(GRACE_MS + 3 * SWEEP_EVERY_MS);
    expect(await presenceOf(user.id)).toBe('available');
  });

  it('when the process stops and the console does not come back, then the agent goes offline after the grace period', async () => {
    const { other, user } = await consoleOnAnotherProcess();
    const stoppedAt = Date.now();
    await other.stop();
    const presence = await waitFor(
      () => presenceOf(user.id),
      (p) => p === 'offline',
      GRACE_MS + 10_000,
    );
    expect(presence).toBe('offline');
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(GRACE_MS - 50);
  });
});
