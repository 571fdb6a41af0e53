import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PresenceView } from '../../server/http/apiTypes';
import { aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { spawnServer, type ServerProcess } from '../support/serverProcess';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testEnv } from '../support/testServer';

let db: TestDatabase;
let a: ServerProcess;
let b: ServerProcess;
const sockets: Socket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // Two processes of one deployment: same database, same Redis prefix.
  const env = testEnv(db.url, {
    REDIS_PREFIX: `${inject('redisPrefix')}-two-${randomBytes(3).toString('hex')}`,
    PRESENCE_GRACE_SECONDS: '1',
  });
  [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

async function socketOn(server: ServerProcess, user: { email: string; password: string }) {
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  sockets.push(socket);
  return { client, socket };
}

describe('two server processes', () => {
  it('when an agent changes presence through process A, then a supervisor connected to process B sees it', async () => {
    expect(a.url).not.toBe(b.url);
    const team = await aTeam(db.sql);
    const agent = await aUser(db.sql, 'agent', { teamIds: [team] });
    const supervisor = await socketOn(b, await aUser(db.sql, 'supervisor', { teamIds: [team] }));
    const seen = nextEvent<PresenceView>(supervisor.socket, 'presence.changed');
    const onA = await new TestClient(a.url).signIn(agent.email, agent.password);
    await onA.put('/api/me/presence', { presence: 'busy' });
    expect(await seen).toMatchObject({ userId: agent.id, presence: 'busy' });
  });

  it('when an agent with sockets on both processes drops one, then the grace check finds the other and they stay available', async () => {
    const agent = await aUser(db.sql, 'agent');
    const onA = await socketOn(a, agent);
    await socketOn(b, agent);
    await onA.client.put('/api/me/presence', { presence: 'available' });
    onA.socket.close();
    await new Promise((r) => setTimeout(r, 2500));
    expect((await db.sql`select presence from users where id = ${agent.id}`)[0].presence).toBe('available');
  });
});
