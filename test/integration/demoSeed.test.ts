import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveQueue, queueInput } from '../../server/settings/queueSettings';
import { createBusinessHours, type BusinessHoursInput } from '../../server/settings/businessHoursSettings';
import { AFTER_HOURS_QUEUE, DEMO_PASSWORD, legacyDemoBusinessHours } from '../../server/seed/demoData';
import { seedDemo } from '../../server/seed/seedDemo';
import { suggestArticles } from '../../knowledge-base/usage/suggestArticles';
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

const AROUND_THE_CLOCK = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));

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
        queues: 3,
        queuesWithHours: 3,
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

      // Whenever someone tries the demo, its queues are open; the after-hours queue keeps office hours.
      const admin = await new TestClient(server.url).signIn('admin@example.com', DEMO_PASSWORD);
      const { queues } = (await admin.get('/api/admin/queues')).body;
      const { businessHours } = (await admin.get('/api/admin/business-hours')).body;
      const hoursOf = (queueName: string) =>
        businessHours.find(
          (b: { id: string }) => b.id === queues.find((q: any) => q.name === queueName).businessHoursId,
        );
      for (const name of ['General', 'Technical support'])
        expect(hoursOf(name)).toMatchObject({
          name: 'Around the clock',
          intervals: AROUND_THE_CLOCK,
          holidays: [],
          openNow: true,
        });
      expect(hoursOf(AFTER_HOURS_QUEUE)).toMatchObject({
        name: 'Office hours (New York)',
        timezone: 'America/New_York',
      });
      expect(hoursOf(AFTER_HOURS_QUEUE).holidays.length).toBeGreaterThan(0);
      // The phone menu leads there with key 3.
      const { ivr } = (await admin.get('/api/admin/ivr')).body;
      const afterHours = queues.find((q: any) => q.name === AFTER_HOURS_QUEUE).id;
      expect(ivr.menus[0].options.map((o: any) => [o.key, o.action])).toEqual([
        ['1', { type: 'queue', queueId: queues.find((q: any) => q.name === 'General').id }],
        ['2', { type: 'voicemail', queueId: null }],
        ['3', { type: 'queue', queueId: afterHours }],
      ]);
      expect(ivr.businessHoursId).toBeNull();

      // The knowledge base has something to show from the first start: the help center in both languages, and
      // suggestions for what customers write.
      for (const [locale, titles] of [
        ['en', ['How to request a refund', 'When will my order ship?', 'Billing and refunds']],
        ['zh-CN', ['如何申请退款', '我的订单什么时候发货？', '账单与退款']],
      ] as const) {
        const home = await fetch(`${server.url}/help/${locale}`);
        expect(home.status).toBe(200);
        const html = await home.text();
        for (const title of titles) expect(html).toContain(title);
        expect(html).not.toContain(locale === 'en' ? 'Refund approval limits' : '退款审批权限');
      }
      const suggested = async (subject: string, message: string) =>
        (await suggestArticles(db.sql, { ticketId: 'demo', subject, lastCustomerMessage: message })).hits.map(
          (h) => h.title,
        );
      expect(await suggested('Refund', 'Hi, how do I get my money back? I want a refund for my order.')).toContain(
        'How to request a refund',
      );
      expect(await suggested('退款', '你好，我想申请退款，耳机坏了。')).toContain('如何申请退款');
      expect(await suggested('发货', '我的订单什么时候发货？')).toContain('我的订单什么时候发货？');
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

describe('a demo seeded before the demo queues were open around the clock', () => {
  /** A database as the old seed left it: its calendar "Weekdays 8–20" UTC, two queues following it, the run recorded. */
  async function anOldDemo(calendar: BusinessHoursInput = { ...legacyDemoBusinessHours, holidays: [] }) {
    const old = await createTestDatabase();
    const hoursId = await createBusinessHours(old.sql, calendar, null);
    const entry = ['voice', 'sms', 'email'];
    await saveQueue(
      old.sql,
      queueInput.parse({ name: 'General', businessHoursId: hoursId, entryForChannels: entry }),
      null,
    );
    await saveQueue(old.sql, queueInput.parse({ name: 'Technical support', businessHoursId: hoursId }), null);
    await old.sql`insert into seed_runs (name) values ('demo')`;
    return { old, hoursId };
  }
  const hoursOf = (sql: TestDatabase['sql'], id: string) =>
    sql<{ name: string; opens: string; closes: string }[]>`
      select b.name, to_char(i.opens, 'HH24:MI') as opens, to_char(i.closes, 'HH24:MI') as closes
      from business_hours b join business_hours_intervals i on i.business_hours_id = b.id where b.id = ${id} order by i.weekday`;

  it('when it starts again, then its untouched calendar is opened around the clock in place and the after-hours queue is added, once', async () => {
    const { old, hoursId } = await anOldDemo();
    try {
      expect(await seedDemo(old.sql)).toBe(false);
      const days = await hoursOf(old.sql, hoursId);
      expect(days).toHaveLength(7);
      expect(days.every((d) => d.name === 'Around the clock' && d.opens === '00:00' && d.closes === '24:00')).toBe(
        true,
      );
      const queues = await old.sql<
        { name: string; businessHoursId: string }[]
      >`select name, business_hours_id from queues order by name`;
      expect(queues.map((q) => q.name)).toEqual([AFTER_HOURS_QUEUE, 'General', 'Technical support']);
      expect(queues.filter((q) => q.businessHoursId === hoursId)).toHaveLength(2);
      expect(await old.sql`select 1 from voice_settings`).toHaveLength(1);
      expect(await seedDemo(old.sql)).toBe(false);
      expect(await old.sql`select 1 from queues`).toHaveLength(3);
    } finally {
      await old.drop();
    }
  });

  it('when an admin had changed that calendar, then it is left as they made it', async () => {
    const changed = { ...legacyDemoBusinessHours, holidays: [{ day: '2026-12-25', name: 'Christmas Day' }] };
    const { old, hoursId } = await anOldDemo(changed);
    try {
      await seedDemo(old.sql);
      const days = await hoursOf(old.sql, hoursId);
      expect(days[0]).toEqual({ name: 'Weekdays 8–20', opens: '08:00', closes: '20:00' });
    } finally {
      await old.drop();
    }
  });
});
