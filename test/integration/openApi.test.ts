import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../server/http/routeTable';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { SERVICES: 'web' }));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('the OpenAPI document', () => {
  it('when fetched, then it describes every route with its roles and input schemas', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const r of routeTable) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op.summary).toBe(r.summary);
    }
    const signIn = doc.paths['/api/auth/sign-in'].post.requestBody.content['application/json'].schema;
    expect(signIn.required.sort()).toEqual(['email', 'password']);
    const ticket = doc.paths['/api/tickets/{id}'].get;
    expect(ticket.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(doc.paths['/api/admin/users'].post.description).toBe('Roles: admin.');
  });
});
