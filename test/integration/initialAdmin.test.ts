import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const admin = { INITIAL_ADMIN_EMAIL: 'Owner@Example.com', INITIAL_ADMIN_PASSWORD: 'first-password-1' };

describe('the first admin of a deployment without the demo', () => {
  it('when the variables are set on a database with no admin, then that admin can sign in; a later start with another password changes nothing', async () => {
    const first = await startTestServer(testEnv(db.url, admin));
    try {
      const client = new TestClient(first.url);
      await client.signIn('owner@example.com', 'first-password-1');
      const me = await client.get('/api/me');
      expect(me.body).toMatchObject({ user: { email: 'owner@example.com', role: 'admin' } });
    } finally {
      await first.stop();
    }

    const second = await startTestServer(testEnv(db.url, { ...admin, INITIAL_ADMIN_PASSWORD: 'another-password-2' }));
    try {
      const refused = await new TestClient(second.url).post('/api/auth/sign-in', {
        email: 'owner@example.com',
        password: 'another-password-2',
      });
      expect(refused.status).toBe(401);
      await new TestClient(second.url).signIn('owner@example.com', 'first-password-1');
      expect(await db.sql`select email from users where role = 'admin'`).toEqual([{ email: 'owner@example.com' }]);
    } finally {
      await second.stop();
    }
  });
});
