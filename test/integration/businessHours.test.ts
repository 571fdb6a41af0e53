import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpen } from '../../server/voice/businessHours';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { postTwilioWebhook } from '../support/twilioWebhooks';
import { incomingCallParams, parseTwiml, pathOf } from '../support/voiceWebhooks';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
const COMPANY = '+15005550006';

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(
    testEnv(db.url, {
      SERVICES: 'web',
      TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'a-test-auth-token-of-32-chars-xx',
      TWILIO_SMS_FROM: COMPANY,
    }),
  );
  const user = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(user.email, user.password);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const del = (path: string) => admin.request('DELETE', path);
const calendar = async (id: string) =>
  (await admin.get('/api/admin/business-hours')).body.businessHours.find((b: { id: string }) => b.id === id);
const everyDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));
let names = 0;
const aName = () => `Calendar ${++names}`;

async function create(body: object) {
  const res = await admin.post('/api/admin/business-hours', { name: aName(), timezone: 'UTC', holidays: [], ...body });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

async function twiml(path: string, params: Record<string, string>) {
  const res = await postTwilioWebhook(server.url, path, params, {
    authToken: server.ctx.voice.authToken,
    publicUrl: server.ctx.config.PUBLIC_URL,
  });
  expect(res.status).toBe(200);
  return parseTwiml(await res.text());
}

describe('business-hours calendars', () => {
  it('when an admin saves several intervals a day, an overnight one and holidays, then they read back as saved', async () => {
    const intervals = [
      { weekday: 1, opens: '09:00', closes: '12:30' },
      { weekday: 1, opens: '13:30', closes: '17:00' },
      { weekday: 5, opens: '22:00', closes: '06:00' },
      { weekday: 6, opens: '10:00', closes: '00:00' },
    ];
    const holidays = [
      { day: '2026-12-25', name: 'Christmas Day' },
      { day: '2027-01-01', name: 'New Year’s Day' },
    ];
    const id = await create({ timezone: 'Europe/Paris', intervals, holidays });
    expect(await calendar(id)).toMatchObject({
      timezone: 'Europe/Paris',
      // A closing time of 00:00 is midnight at the end of the day: 24:00.
      intervals: [...intervals.slice(0, 3), { weekday: 6, opens: '10:00', closes: '24:00' }],
      holidays,
      queueIds: [],
      phoneLine: false,
    });
  });

  it('when intervals overlap (an overnight one too), open and close at once, or a holiday is listed twice, then each wrong field is named and nothing is stored', async () => {
    const name = aName();
    const paths = async (body: object) => {
      const res = await admin.post('/api/admin/business-hours', { name, timezone: 'UTC', ...body });
      expect(res.status).toBe(400);
      return res.body.error.fields.map((f: { path: string }) => f.path);
    };
    expect(
      await paths({
        timezone: 'Mars/Olympus',
        intervals: [
          { weekday: 4, opens: '09:00', closes: '09:00' },
          { weekday: 4, opens: '24:00', closes: '10:00' },
        ],
      }),
    ).toEqual(['timezone', 'intervals.0.closes', 'intervals.1.opens']);
    expect(
      await paths({
        intervals: [
          { weekday: 2, opens: '22:00', closes: '06:00' },
          { weekday: 3, opens: '05:00', closes: '09:00' },
        ],
        holidays: [
          { day: '2026-12-25', name: 'Christmas Day' },
          { day: '2026-12-25', name: 'Again' },
        ],
      }),
    ).toEqual(['intervals.1.opens', 'holidays.1.day']);
    expect(await db.sql`select 1 from business_hours where name = ${name}`).toHaveLength(0);
  });

  it('when an admin replaces a calendar, then the new days apply and the audit keeps what changed', async () => {
    const id = await create({ intervals: [{ weekday: 1, opens: '09:00', closes: '17:00' }] });
    const name = (await calendar(id)).name;
    const res = await admin.put(`/api/admin/business-hours/${id}`, {
      name,
      timezone: 'Asia/Shanghai',
      intervals: [{ weekday: 1, opens: '08:00', closes: '18:00' }],
      holidays: [{ day: '2026-10-01', name: 'National Day' }],
    });
    expect(res.status).toBe(200);
    expect(await calendar(id)).toMatchObject({
      timezone: 'Asia/Shanghai',
      intervals: [{ weekday: 1, opens: '08:00', closes: '18:00' }],
      holidays: [{ day: '2026-10-01', name: 'National Day' }],
    });
    const [entry] = (await admin.get(`/api/admin/audit?entityType=business_hours&entityId=${id}`)).body.entries;
    expect(entry.action).toBe('business_hours.updated');
    expect(entry.data.changes.timezone).toEqual({ from: 'UTC', to: 'Asia/Shanghai' });
    expect(entry.data.changes.intervals.to).toEqual([{ weekday: 1, opens: '08:00', closes: '18:00' }]);
    expect(entry.data.changes.name).toBeUndefined();
  });

  it('when a queue or the phone line follows a calendar, then deleting it is refused; once nothing does, it goes', async () => {
    const id = await create({ intervals: everyDay });
    const queue = await aQueue(db.sql, { name: 'Follows the calendar' });
    await admin.put(`/api/admin/queues/${queue}`, { name: 'Follows the calendar', businessHoursId: id });
    const refused = await del(`/api/admin/business-hours/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('Follows the calendar');
    await admin.put(`/api/admin/queues/${queue}`, { name: 'Follows the calendar', businessHoursId: null });
    expect((await del(`/api/admin/business-hours/${id}`)).status).toBe(204);
    expect(await calendar(id)).toBeUndefined();
  });
});

describe('the voice line’s "open now"', () => {
  it('follows a stored overnight calendar in its own time zone, across a daylight saving change, and its holidays', async () => {
    // Paris, Saturday 22:00 to Sunday 06:00; clocks go forward in the night of 2026-03-29.
    const id = await create({
      timezone: 'Europe/Paris',
      intervals: [{ weekday: 6, opens: '22:00', closes: '06:00' }],
      holidays: [{ day: '2026-04-05', name: 'Easter Sunday' }],
    });
    const openAt = (iso: string) => isOpen(db.sql, id, new Date(iso));
    expect(await openAt('2026-03-28T20:59:00Z')).toBe(false);
    expect(await openAt('2026-03-28T21:00:00Z')).toBe(true);
    expect(await openAt('2026-03-29T03:59:00Z')).toBe(true); // 05:59 CEST
    expect(await openAt('2026-03-29T04:00:00Z')).toBe(false); // 06:00 CEST
    // Saturday night before Easter: open until midnight, then the holiday closes Sunday.
    expect(await openAt('2026-04-04T21:00:00Z')).toBe(true);
    expect(await openAt('2026-04-04T22:30:00Z')).toBe(false);
  });

  it('when a caller picks a queue closed today, then they hear the closed message; a queue open around the clock takes them in', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const closed = await create({ intervals: everyDay, holidays: [{ day: today, name: 'Closed today' }] });
    const open = await create({ intervals: everyDay });
    const closedQueue = await aQueue(db.sql, { name: 'Closed queue' });
    const openQueue = await aQueue(db.sql, { name: 'Open queue' });
    await admin.put(`/api/admin/queues/${closedQueue}`, { name: 'Closed queue', businessHoursId: closed });
    await admin.put(`/api/admin/queues/${openQueue}`, { name: 'Open queue', businessHoursId: open });
    const option = (key: string, queueId: string) => ({
      key,
      words: [],
      label: key,
      action: { type: 'queue', queueId },
    });
    const saved = await admin.put('/api/admin/ivr', {
      businessHoursId: null,
      language: 'en-US',
      greeting: 'Welcome.',
      closedMessage: 'This line is closed.',
      voicemailPrompt: 'Leave a message.',
      voicemailQueueId: null,
      holdMessage: 'Please hold.',
      holdMusicUrl: null,
      callbackKey: '*',
      rootMenuId: 'main',
      menus: [{ id: 'main', prompt: 'Press 1 or 2.', options: [option('1', closedQueue), option('2', openQueue)] }],
    });
    expect(saved.status).toBe(200);

    const press = async (digit: string) => {
      const params = incomingCallParams(aPhone(), COMPANY);
      const menu = await twiml('/webhooks/twilio/voice', params);
      return twiml(pathOf(menu.Gather[0].action as string), { ...params, Digits: digit });
    };
    const closedAnswer = await press('1');
    expect(closedAnswer.Say[0].text).toBe('This line is closed.');
    expect(closedAnswer.Record).toHaveLength(1);
    const openAnswer = await press('2');
    expect(openAnswer.Enqueue).toHaveLength(1);
  });
});
