import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaPreviewResponse, SlaReportResponse, TicketSlaResponse } from '../../server/http/slaApiTypes';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { waitFor } from '../support/waitFor';

// SLA settings through the HTTP API: policies (validated, first match wins, edits move open tickets' due times),
// holidays from iCal and from a country's list, the due-time preview on a real calendar, and the reports.

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let supervisor: TestClient;
let calendarId: string;
let parisQueue: string;

const policy = (overrides: Record<string, unknown> = {}) => ({
  name: 'Standard',
  firstResponseMinutes: 60,
  resolutionMinutes: 480,
  warnMinutesBefore: 15,
  ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  const adminUser = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(adminUser.email, adminUser.password);
  const supervisorUser = await aUser(db.sql, 'supervisor');
  supervisor = await new TestClient(server.url).signIn(supervisorUser.email, supervisorUser.password);
  const hours = await admin.post('/api/admin/business-hours', {
    name: 'Paris office',
    timezone: 'Europe/Paris',
    intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })),
  });
  calendarId = hours.body.id;
  parisQueue = await aQueue(db.sql, { name: 'Paris' });
  await db.sql`update queues set business_hours_id = ${calendarId} where id = ${parisQueue}`;
  // A queue named in Chinese: its name must survive the CSV export.
  await aQueue(db.sql, { name: '售后支持', entryForChannels: ['sms'] });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

async function customerTexts(text: string) {
  const from = aPhone();
  const params = incomingSmsParams(from, server.ctx.sms.companyNumber, text);
  const res = await postTwilioWebhook(server.url, '/webhooks/twilio/sms', params, {
    authToken: server.ctx.sms.authToken,
    publicUrl: server.ctx.config.PUBLIC_URL,
  });
  expect(res.status).toBe(200);
  const [row] = await waitFor(
    () => db.sql<{ ticketId: string }[]>`select ticket_id from messages where provider_id = ${params.MessageSid}`,
    (rows) => rows.length > 0,
  );
  return row.ticketId;
}

const slaOf = async (ticketId: string) => (await admin.get(`/api/tickets/${ticketId}/sla`)).body as TicketSlaResponse;

describe('SLA policies', () => {
  it('when a policy is invalid, then the answer names each wrong field and nothing is saved', async () => {
    const noTarget = await admin.post('/api/admin/sla-policies', {
      name: 'Empty',
      firstResponseMinutes: null,
      resolutionMinutes: null,
    });
    expect(noTarget.status).toBe(400);
    expect(noTarget.body.error.fields).toContainEqual({
      path: 'firstResponseMinutes',
      message: 'set at least one target',
    });
    const badRecipients = await admin.post('/api/admin/sla-policies', {
      ...policy(),
      smsRecipients: ['not a phone'],
      emailRecipients: ['nobody'],
      queueIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(badRecipients.status).toBe(400);
    const paths = badRecipients.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['smsRecipients.0', 'emailRecipients.0']));
    const unknownQueue = await admin.post('/api/admin/sla-policies', {
      ...policy(),
      queueIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownQueue.status).toBe(400);
    expect(unknownQueue.body.error.fields).toEqual([{ path: 'queueIds.0', message: 'no such queue' }]);
    expect((await admin.get('/api/admin/sla-policies')).body.policies).toEqual([]);
  });

  it('when a ticket would be created on Friday 16:30 on Mon–Fri 9–17, then the preview says Monday 09:30; with Monday a holiday from iCal, Tuesday', async () => {
    const created = await admin.post('/api/admin/sla-policies', policy({ name: 'Paris', queueIds: [parisQueue] }));
    expect(created.status).toBe(201);
    const preview = async () =>
      (
        await admin.post('/api/sla/preview', {
          createdAt: '2026-03-06T16:30:00+01:00',
          queueId: parisQueue,
          channel: 'email',
        })
      ).body as SlaPreviewResponse;
    const friday = await preview();
    expect(friday.policy?.name).toBe('Paris');
    expect(friday.businessHours).toMatchObject({ id: calendarId, timezone: 'Europe/Paris' });
    expect(friday.targets.find((t) => t.target === 'first_response')).toMatchObject({
      minutes: 60,
      dueAt: '2026-03-09T08:30:00.000Z',
      // 15 minutes before: 45 business minutes after 16:30 is Monday 09:15.
      warnAt: '2026-03-09T08:15:00.000Z',
    });
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//Holidays//EN',
      'BEGIN:VEVENT',
      'UID:closed-monday@example.com',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;VALUE=DATE:20260309',
      'DTEND;VALUE=DATE:20260310',
      'SUMMARY:Inventory day',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const imported = await admin.post(`/api/admin/business-hours/${calendarId}/ical-holidays`, { ics });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ added: 1, holidays: [{ day: '2026-03-09', name: 'Inventory day' }] });
    expect((await preview()).targets.find((t) => t.target === 'first_response')?.dueAt).toBe(
      '2026-03-10T08:30:00.000Z',
    );
    const bad = await admin.post(`/api/admin/business-hours/${calendarId}/ical-holidays`, { ics: 'not a calendar' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'ics', message: 'is not an iCalendar file' }]);
  });

  it('when a country’s holidays are seeded, then its public holidays join the calendar and days it had are kept', async () => {
    const seeded = await admin.post(`/api/admin/business-hours/${calendarId}/country-holidays`, {
      country: 'FR',
      year: 2026,
    });
    expect(seeded.status).toBe(200);
    const days = seeded.body.holidays.map((h: { day: string }) => h.day);
    expect(days).toEqual(expect.arrayContaining(['2026-07-14', '2026-12-25', '2026-03-09']));
    const again = await admin.post(`/api/admin/business-hours/${calendarId}/country-holidays`, {
      country: 'FR',
      year: 2026,
    });
    expect(again.body.added).toBe(0);
    const unknown = await admin.post(`/api/admin/business-hours/${calendarId}/country-holidays`, {
      country: 'XX',
      year: 2026,
    });
    expect(unknown.status).toBe(400);
    expect((await admin.get('/api/admin/holiday-countries')).body.countries).toContainEqual({
      code: 'CN',
      name: 'China',
    });
  });

  it('when a policy is edited, then an open ticket’s due time moves with it', async () => {
    const created = await admin.post(
      '/api/admin/sla-policies',
      policy({ name: 'SMS', channels: ['sms'], firstResponseMinutes: 10, resolutionMinutes: 100 }),
    );
    const ticketId = await customerTexts('My parcel is late');
    const before = await slaOf(ticketId);
    expect(before.policy?.name).toBe('SMS');
    const first = before.clocks.find((c) => c.target === 'first_response')!;
    expect(Date.parse(first.dueAt!) - Date.parse(first.startedAt)).toBeCloseTo(10 * 60_000, -4);
    const edited = await admin.put(
      `/api/admin/sla-policies/${created.body.id}`,
      policy({ name: 'SMS', channels: ['sms'], firstResponseMinutes: 30, resolutionMinutes: 100 }),
    );
    expect(edited.status).toBe(200);
    const after = (await slaOf(ticketId)).clocks.find((c) => c.target === 'first_response')!;
    expect(after.targetMinutes).toBe(30);
    expect(Date.parse(after.dueAt!) - Date.parse(after.startedAt)).toBeCloseTo(30 * 60_000, -4);
  });

  it('when tickets are answered and resolved, then the report counts hits per target and queue, and the CSV is UTF-8 with a BOM', async () => {
    const ticketId = await customerTexts('Where is my refund?');
    expect((await admin.post(`/api/tickets/${ticketId}/replies`, { text: 'On its way.' })).status).toBe(201);
    expect((await admin.patch(`/api/tickets/${ticketId}`, { status: 'resolved' })).status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const report = (await supervisor.get(`/api/sla/report?from=${today}&to=${today}`)).body as SlaReportResponse;
    // The supervisor sees no team's tickets: nothing counted. The admin sees all.
    expect(report.byTarget).toEqual([]);
    const full = (await admin.get(`/api/sla/report?from=${today}&to=${today}`)).body as SlaReportResponse;
    expect(full.byTarget.find((r) => r.key === 'first_response')).toMatchObject({ breached: 0 });
    expect(full.byQueue.find((r) => r.label === '售后支持')?.met).toBeGreaterThanOrEqual(2);
    const csv = await fetch(`${server.url}/api/sla/report/hit-rates.csv?from=${today}&to=${today}`, {
      headers: { cookie: admin.cookie! },
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('by,name,met,breached,hit_rate_percent');
    expect(text).toContain('queue,售后支持,');
    const badRange = await admin.get(`/api/sla/report?from=${today}&to=2000-01-01`);
    expect(badRange.status).toBe(400);
  });

  it(
    'when a ticket turns urgent, then the urgent policy applies to its running clock, and a minute after its breach the second level is texted; in quiet hours the alarm waits',
    async () => {
      const secondLevel = aPhone();
      const urgent = await admin.post(
        '/api/admin/sla-policies',
        policy({
          name: 'Urgent',
          priorities: ['urgent'],
          firstResponseMinutes: 1,
          resolutionMinutes: 60,
          warnMinutesBefore: null,
          escalation: { afterMinutes: 1, action: 'notify_second_level', smsRecipients: [secondLevel] },
        }),
      );
      expect(urgent.status).toBe(201);
      // Alongside, a high-priority ticket whose policy is in its quiet hours now: its breach alarm must wait.
      const hhmm = (offsetMinutes: number) => new Date(Date.now() + offsetMinutes * 60_000).toISOString().slice(11, 16);
      const quietLead = aPhone();
      const quiet = await admin.post(
        '/api/admin/sla-policies',
        policy({
          name: 'Quiet nights',
          priorities: ['high'],
          firstResponseMinutes: 1,
          warnMinutesBefore: null,
          quietHours: { start: hhmm(-60), end: hhmm(60), timezone: 'UTC' },
          smsRecipients: [quietLead],
        }),
      );
      expect(quiet.status).toBe(201);
      // First match wins: put both before the others.
      const ids = (await admin.get('/api/admin/sla-policies')).body.policies.map((p: { id: string }) => p.id);
      const first = [urgent.body.id, quiet.body.id];
      const order = await admin.put('/api/admin/sla-policy-order', {
        ids: [...first, ...ids.filter((id: string) => !first.includes(id))],
      });
      expect(order.body.policies.slice(0, 2).map((p: { name: string }) => p.name)).toEqual(['Urgent', 'Quiet nights']);
      const quietTicket = await customerTexts('Printer jammed');
      expect((await admin.patch(`/api/tickets/${quietTicket}`, { priority: 'high' })).status).toBe(200);
      const ticketId = await customerTexts('Server is down');
      expect((await slaOf(ticketId)).policy?.name).toBe('SMS');
      expect((await admin.patch(`/api/tickets/${ticketId}`, { priority: 'urgent' })).status).toBe(200);
      const now = await slaOf(ticketId);
      expect(now.policy?.name).toBe('Urgent');
      expect(now.clocks.find((c) => c.target === 'first_response')?.targetMinutes).toBe(1);
      const [{ number }] = await db.sql<{ number: string }[]>`select number from tickets where id = ${ticketId}`;
      const texts = await waitFor(
        () =>
          db.sql<{ body: string }[]>`
            select body from simulator_messages where phone = ${secondLevel} and direction = 'to_phone'`,
        (rows) => rows.length > 0,
        3 * 60_000,
      );
      expect(texts).toHaveLength(1);
      expect(texts[0].body).toContain(`SLA escalation: ticket #${number}`);
      // The quiet policy's ticket breached a minute ago too: its alarm is a row waiting for the quiet hours to end.
      const [held] = await db.sql<{ status: string; sendAfter: Date }[]>`
        select s.status, s.send_after from sla_alarm_sends s join sla_clocks c on c.id = s.clock_id
        where c.ticket_id = ${quietTicket} and s.recipient = ${quietLead}`;
      expect(held.status).toBe('pending');
      expect(held.sendAfter.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
      const [{ sent }] = await db.sql<{ sent: number }[]>`
        select count(*)::int as sent from simulator_messages where phone = ${quietLead}`;
      expect(sent).toBe(0);
    },
    4 * 60_000,
  );
});
