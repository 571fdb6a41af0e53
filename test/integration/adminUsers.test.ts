import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSkill, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { SERVICES: 'web' }));
  const user = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(user.email, user.password);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('user settings', () => {
  it('when an admin creates an agent, then skills, team and per-channel capacity are stored with the defaults for the rest', async () => {
    const skill = await aSkill(db.sql);
    const team = await aTeam(db.sql);
    const res = await admin.post('/api/admin/users', {
      email: 'New.Agent@Example.com',
      name: 'New Agent',
      role: 'agent',
      password: 'long-enough-password',
      skills: [skill],
      teamIds: [team],
      capacity: { sms: 5 },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: 'new.agent@example.com',
      skills: [skill],
      teamIds: [team],
      capacity: { voice: 1, sms: 5, email: 5 },
    });
  });

  it('when an admin changes one field, then nothing else changes — skills, teams and capacity stay', async () => {
    const skill = await aSkill(db.sql);
    const team = await aTeam(db.sql);
    const created = await admin.post('/api/admin/users', {
      email: 'keep@example.com',
      name: 'Keep Me',
      role: 'agent',
      password: 'long-enough-password',
      skills: [skill],
      teamIds: [team],
      capacity: { voice: 2 },
    });
    const res = await admin.patch(`/api/admin/users/${created.body.user.id}`, { name: 'Kept' });
    expect(res.body.user).toMatchObject({
      name: 'Kept',
      skills: [skill],
      teamIds: [team],
      capacity: { voice: 2, sms: 3, email: 5 },
    });
  });

  it('when a skill does not exist, then it answers 400 naming it and changes nothing', async () => {
    const res = await admin.post('/api/admin/users', {
      email: 'x@example.com',
      name: 'X',
      role: 'agent',
      password: 'long-enough-password',
      skills: ['no-such-skill'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toEqual({ path: 'skills', message: 'unknown: no-such-skill' });
    expect(await db.sql`select 1 from users where email = 'x@example.com'`).toHaveLength(0);
  });
});
