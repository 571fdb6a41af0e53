import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/seed/demoData';
import { seedDemo } from '../../server/seed/seedDemo';
import { TestClient } from '../support/httpClient';
import { spawnServer } from '../support/serverProcess';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testEnv } from '../support/testServer';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const counts = async () =>
  (
    await db.sql`
      select (select count(*) from users where role = 'admin')::int as admins,
             (select count(*) from users where role = 'supervisor')::int as supervisors,
             (select count(*) from users where role = 'agent')::int as agents,
             (select count(*) from queues)::int as queues,
             (select count(*) from queues where business_hours_id is not null)::int as queues_with_hours,
             (select count(*) from customers)::int as customers`
  )[0];

describe('the demo seed', () => {
  it('when the service starts with SEED_DEMO on, then it seeds once and prints the console URL and the demo sign-ins', async () => {
    const server = await spawnServer(testEnv(db.url, { SEED_DEMO: 'true', PUBLIC_URL: 'http://localhost:3456' }));
    try {
      expect(server.output()).toContain('Switchboard console: http://localhost:3456');
      expect(server.output()).toMatch(/agent\s+alice@example\.com\s+switchboard-demo/);
      expect(await counts()).toEqual({
        admins: 1,
        supervisors: 1,
        agents: 3,
        queues: 2,
        queuesWithHours: 2,
        customers: 3,
      });
      const skillSets = await db.sql<{ skills: string[] }[]>`
        select array_agg(s.name order by s.name) as skills from users u join agent_skills a on a.user_id = u.id join skills s on s.id = a.skill_id
        where u.role = 'agent' group by u.id`;
      expect(new Set(skillSets.map((r) => r.skills.join(','))).size).toBe(3);
      const alice = await new TestClient(server.url).signIn('alice@example.com', DEMO_PASSWORD);
      expect((await alice.get('/api/me')).body.user.skills).toEqual(['billing', 'technical']);
      const supervisor = await new TestClient(server.url).signIn('supervisor@example.com', DEMO_PASSWORD);
      expect((await supervisor.get('/api/supervisor/monitor')).body.agents).toHaveLength(3);
    } finally {
      await server.stop();
    }
  });

  it('when seeded again, then nothing is added', async () => {
    const before = await counts();
    expect(await seedDemo(db.sql)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
