import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSkill, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let adminId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { SERVICES: 'web' }));
  const user = await aUser(db.sql, 'admin');
  adminId = user.id;
  admin = await new TestClient(server.url).signIn(user.email, user.password);
});

const userById = async (id: string) =>
  (await admin.get('/api/admin/users')).body.users.find((u: { id: string }) => u.id === id);
const auditOf = async (id: string) =>
  (await admin.get(`/api/admin/audit?entityType=user&entityId=${id}`)).body.entries as {
    action: string;
    data: Record<string, any>;
  }[];
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

  it('when an admin sets a phone and reads the users, then phone and active show; a malformed phone is a 400 naming it', async () => {
    const agent = await aUser(db.sql, 'agent');
    expect((await admin.patch(`/api/admin/users/${agent.id}`, { phoneNumber: '+14155550123' })).status).toBe(200);
    expect(await userById(agent.id)).toMatchObject({ phoneNumber: '+14155550123', active: true });
    const bad = await admin.patch(`/api/admin/users/${agent.id}`, { phoneNumber: '0415 555' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('phoneNumber');
    expect((await userById(agent.id)).phoneNumber).toBe('+14155550123');
  });

  it('when an admin resets a password, then the user’s sessions end, the new password works, and the audit says so without the password', async () => {
    const agent = await aUser(db.sql, 'agent');
    const signedIn = await new TestClient(server.url).signIn(agent.email, agent.password);
    expect((await signedIn.get('/api/me')).status).toBe(200);
    const res = await admin.patch(`/api/admin/users/${agent.id}`, { password: 'a-brand-new-password' });
    expect(res.status).toBe(200);
    expect((await signedIn.get('/api/me')).status).toBe(401);
    await new TestClient(server.url).signIn(agent.email, 'a-brand-new-password');
    const entries = await auditOf(agent.id);
    expect(entries.map((e) => e.action)).toContain('user.password_reset');
    expect(JSON.stringify(entries)).not.toContain('a-brand-new-password');
  });

  it('when an admin deactivates a user, then their sessions end, they cannot sign in, and the audit shows active from true to false', async () => {
    const agent = await aUser(db.sql, 'agent');
    const signedIn = await new TestClient(server.url).signIn(agent.email, agent.password);
    expect((await admin.patch(`/api/admin/users/${agent.id}`, { active: false })).status).toBe(200);
    expect((await signedIn.get('/api/me')).status).toBe(401);
    const signIn = { email: agent.email, password: agent.password };
    expect((await new TestClient(server.url).post('/api/auth/sign-in', signIn)).status).toBe(401);
    const [entry] = await auditOf(agent.id);
    expect(entry).toMatchObject({ action: 'user.updated', data: { changes: { active: { from: true, to: false } } } });
  });

  it('when the last active admin would be demoted or deactivated, then it is refused naming the field and nothing changes', async () => {
    const other = await aUser(db.sql, 'admin');
    expect((await admin.patch(`/api/admin/users/${other.id}`, { role: 'supervisor' })).status).toBe(200);
    const deactivate = await admin.patch(`/api/admin/users/${adminId}`, { active: false });
    expect(deactivate.status).toBe(409);
    expect(deactivate.body.error.fields[0].path).toBe('active');
    const demote = await admin.patch(`/api/admin/users/${adminId}`, { role: 'agent' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.fields[0].path).toBe('role');
    expect(await userById(adminId)).toMatchObject({ role: 'admin', active: true });
  });
});
