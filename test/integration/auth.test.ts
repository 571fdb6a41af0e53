import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { TestClient } from '../support/httpClient';
import { aTeam, aUser } from '../support/factories';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { SIGN_IN_MAX_ATTEMPTS: '3', SIGN_IN_WINDOW_SECONDS: '60' }));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('sign-in', () => {
  it('when the credentials are right, then it sets an httpOnly SameSite session cookie that opens /api/me', async () => {
    const agent = await aUser(db.sql, 'agent');
    const client = new TestClient(server.url);
    const res = await client.post('/api/auth/sign-in', { email: agent.email.toUpperCase(), password: agent.password });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sb_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body.user).toMatchObject({ email: agent.email, role: 'agent' });
    expect((await client.get('/api/me')).body.user.id).toBe(agent.id);
  });

  it('when a supervisor reads /api/me, then their teams come with their names (to share a template with one)', async () => {
    const team = await aTeam(db.sql);
    const supervisor = await aUser(db.sql, 'supervisor', { teamIds: [team] });
    const [{ name }] = await db.sql<{ name: string }[]>`select name from teams where id = ${team}`;
    const client = await new TestClient(server.url).signIn(supervisor.email, supervisor.password);
    expect((await client.get('/api/me')).body.user.teams).toEqual([{ id: team, name }]);
  });

  it('when the email or the password is wrong, then the answer is the same and says only that', async () => {
    const agent = await aUser(db.sql, 'agent');
    const wrongPassword = await new TestClient(server.url).post('/api/auth/sign-in', {
      email: agent.email,
      password: 'not-the-password',
    });
    const unknownEmail = await new TestClient(server.url).post('/api/auth/sign-in', {
      email: 'nobody@example.com',
      password: 'whatever-password',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error).toEqual({ code: 'invalid_credentials', message: 'Wrong email or password.' });
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('when attempts exceed the limit, then sign-in answers 429 with Retry-After, even with the right password', async () => {
    const agent = await aUser(db.sql, 'agent');
    const client = new TestClient(server.url);
    for (let i = 0; i < 3; i++)
      expect((await client.post('/api/auth/sign-in', { email: agent.email, password: 'guess-' + i })).status).toBe(401);
    const limited = await client.post('/api/auth/sign-in', { email: agent.email, password: agent.password });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(client.cookie).toBeUndefined();
  });

  it('when a whole floor signs in from one address, then successful sign-ins never count against it', async () => {
    // The per-address limit here is 30 attempts (ten times SIGN_IN_MAX_ATTEMPTS): 35 agents sign in from 127.0.0.1.
    const floor = await Promise.all(Array.from({ length: 35 }, () => aUser(db.sql, 'agent')));
    for (const agent of floor) {
      const res = await new TestClient(server.url).post('/api/auth/sign-in', {
        email: agent.email,
        password: agent.password,
      });
      expect(res.status).toBe(200);
    }
  });

  it('when the body is malformed, then it answers 400 naming the field', async () => {
    const res = await new TestClient(server.url).post('/api/auth/sign-in', { email: 'not-an-email', password: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'password']);
    const notJson = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe('invalid_json');
  });
});

describe('sign-out', () => {
  it('when signed out, then the old cookie no longer opens anything', async () => {
    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    const oldCookie = client.cookie;
    expect((await client.post('/api/auth/sign-out')).status).toBe(204);
    const replay = new TestClient(server.url);
    replay.cookie = oldCookie;
    expect((await replay.get('/api/me')).status).toBe(401);
  });
});

describe('password change', () => {
  it('when the current password is right, then the new one works, the old one fails and other sessions end', async () => {
    const agent = await aUser(db.sql, 'agent');
    const laptop = await new TestClient(server.url).signIn(agent.email, agent.password);
    const phone = await new TestClient(server.url).signIn(agent.email, agent.password);
    const res = await laptop.post('/api/auth/password', {
      currentPassword: agent.password,
      newPassword: 'a-brand-new-password',
    });
    expect(res.status).toBe(204);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect(
      (await new TestClient(server.url).post('/api/auth/sign-in', { email: agent.email, password: agent.password }))
        .status,
    ).toBe(401);
    await new TestClient(server.url).signIn(agent.email, 'a-brand-new-password');
    const [audit] =
      await db.sql`select action from audit_log where entity_id = ${agent.id} and action = 'user.password_changed'`;
    expect(audit).toBeDefined();
  });

  it('when the current password is wrong or the new one too short, then nothing changes', async () => {
    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'another-long-password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('wrong_password');
    const short = await client.post('/api/auth/password', { currentPassword: agent.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields[0].path).toBe('newPassword');
    await new TestClient(server.url).signIn(agent.email, agent.password);
  });
});
