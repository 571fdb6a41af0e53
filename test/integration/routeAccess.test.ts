import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../server/http/apiTypes';
import { routeTable } from '../../server/http/routeTable';
import { aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const users = {} as Record<Role, { email: string; password: string }>;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  for (const role of ROLES) users[role] = await aUser(db.sql, role);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

// One sign-in per role for the whole walk; signing out ends that session, so the next call signs in again.
const sessions = new Map<Role, TestClient>();
async function clientFor(role: Role) {
  let client = sessions.get(role);
  if (!client) {
    client = await new TestClient(server.url).signIn(users[role].email, users[role].password);
    sessions.set(role, client);
  }
  return client;
}
const endsTheSession = (route: { path: string }) => route.path === '/api/auth/sign-out';

const concretePath = (path: string) => path.replace(/:\w+/g, randomUUID());
const call = (client: TestClient, method: string, path: string) =>
  client.request(method.toUpperCase(), concretePath(path), method === 'get' ? undefined : {});
const protectedRoutes = routeTable.filter((r) => r.access !== 'public');

describe('the route table', () => {
  it('when listed, then it covers auth, presence, tickets, the monitor and settings, and only health and sign-in are public', () => {
    const paths = routeTable.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    for (const expected of [
      'POST /api/auth/sign-in',
      'PUT /api/me/presence',
      'GET /api/tickets/:id',
      'GET /api/supervisor/monitor',
      'POST /api/admin/users',
    ]) {
      expect(paths).toContain(expected);
    }
    expect(
      routeTable
        .filter((r) => r.access === 'public')
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/api/auth/sign-in', '/api/openapi.json', '/healthz', '/readyz', '/survey/:token', '/survey/:token']);
  });

  it.each(protectedRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    'when %s is called anonymously, then it answers 401',
    async (_name, route) => {
      const res = await call(new TestClient(server.url), route.method, route.path);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    },
  );

  it.each(protectedRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    'when %s is called by each role, then only the roles it allows get past authorization, and they get no 5xx',
    async (_name, route) => {
      for (const role of ROLES) {
        const res = await call(await clientFor(role), route.method, route.path);
        if (endsTheSession(route)) sessions.delete(role);
        if ((route.access as readonly Role[]).includes(role)) {
          // Past authorization, an empty or made-up input gets an answer about the input, never a server error.
          expect([401, 403], `${role} should be allowed`).not.toContain(res.status);
          expect(res.status, `${role}: ${res.text}`).toBeLessThan(500);
        } else {
          expect(res.status, `${role} should be refused`).toBe(403);
          expect(res.body.error.code).toBe('forbidden');
        }
      }
    },
  );

  it('when a refused call carries a valid body, then it still changes nothing', async () => {
    const res = await (await clientFor('agent')).post('/api/admin/teams', { name: 'Sneaky team' });
    expect(res.status).toBe(403);
    expect(await db.sql`select 1 from teams where name = 'Sneaky team'`).toHaveLength(0);
  });
});
