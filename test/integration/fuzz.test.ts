import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../server/http/routeTable';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aTeam, aTicket, aUser } from '../support/factories';
import { apiRequest } from '../support/fuzz/apiRequests';
import {
  describeRequest,
  problemWith,
  sendAll,
  serverLog5xx,
  type FuzzRequest,
  type FuzzResult,
} from '../support/fuzz/fuzzRequest';
import { httpLevelRequest } from '../support/fuzz/httpLevelRequests';
import { notAUuid, oddPhone } from '../support/fuzz/nastyValues';
import { publicRequest } from '../support/fuzz/publicRequests';
import type { FieldValues } from '../support/fuzz/schemaValues';
import { webhookRequest, type WebhookTargets } from '../support/fuzz/webhookRequests';
import { TestClient } from '../support/httpClient';
import { spawnServer, type ServerProcess } from '../support/serverProcess';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { incomingCallParams } from '../support/voiceWebhooks';

// Thousands of malformed requests, generated from a fixed seed (the same requests every run), against the real
// server in its own process: whatever arrives, from Twilio, an anonymous client or a signed-in user, the answer is
// never a 5xx, and the process is still up at the end. A failure lists every 5xx with a reproducer.
const SEED = 20_261_113;
const COMPANY = '+15005550006';

let db: TestDatabase;
let server: ServerProcess;
let authToken: string;
let admin: TestClient;
let agent: TestClient;
let ids: { ticketId: string; customerId: string; calls: string[]; all: string[]; byKind: [RegExp, string[]][] };
let sids: { calls: string[]; messages: string[] };

beforeAll(async () => {
  db = await createTestDatabase();
  server = await spawnServer(testEnv(db.url));
  [{ value: authToken }] = await db.sql<{ value: string }[]>`
    select value from app_secrets where name = 'twilio-simulator-auth-token'`;

  // Rows for the generated ids to hit, so that requests get past "not found" to the code behind it.
  const teamId = await aTeam(db.sql);
  const queueId = await aQueue(db.sql, { teamId, entryForChannels: ['sms', 'voice', 'email'] });
  const adminUser = await aUser(db.sql, 'admin');
  const agentUser = await aUser(db.sql, 'agent', { teamIds: [teamId] });
  // Users the fuzz may change or deactivate: never the two it signs in as.
  const others = [await aUser(db.sql, 'agent'), await aUser(db.sql, 'supervisor')];
  admin = await new TestClient(server.url).signIn(adminUser.email, adminUser.password);
  agent = await new TestClient(server.url).signIn(agentUser.email, agentUser.password);
  const customerId = await aCustomer(db.sql, { phone: aPhone(), email: 'fuzz-customer@example.com' });
  const otherCustomerId = await aCustomer(db.sql, { phone: aPhone() });
  const ticketId = await aTicket(db.sql, { customerId, queueId, assigneeId: agentUser.id });
  const queuedTicketId = await aTicket(db.sql, { customerId: otherCustomerId, queueId, channel: 'email' });
  const note = await agent.post(`/api/tickets/${ticketId}/notes`, { text: 'A note to aim at.' });
  const callback = await admin.post('/api/callbacks', {
    customerId,
    phoneNumber: '+14155550100',
    queueId,
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const sign = { authToken, publicUrl: server.url };
  const sms = await postTwilioWebhook(
    server.url,
    '/webhooks/twilio/sms',
    incomingSmsParams(aPhone(), COMPANY, 'hi'),
    sign,
  );
  const call = await postTwilioWebhook(
    server.url,
    '/webhooks/twilio/voice',
    incomingCallParams(aPhone(), COMPANY),
    sign,
  );
  const simulated = await agent.post('/api/simulator/voice/calls', { from: '+14155550123' });
  for (const res of [note, callback, simulated]) expect(res.status, res.text).toBe(201);
  for (const res of [sms, call]) expect(res.status, await res.text()).toBe(200);

  const [calls, messages] = await Promise.all([
    db.sql<{ id: string; callSid: string }[]>`select id, call_sid from calls`,
    db.sql<{ providerId: string | null }[]>`select provider_id from messages where provider_id is not null`,
  ]);
  ids = {
    ticketId,
    customerId,
    calls: calls.map((c) => c.id),
    all: [
      teamId,
      queueId,
      ...others.map((u) => u.id),
      customerId,
      otherCustomerId,
      ticketId,
      queuedTicketId,
      note.body.message.id,
      callback.body.callback.id,
      callback.body.ticketId,
      ...calls.map((c) => c.id),
    ],
    // Which rows a field named so (or a path under this collection) means, so that most ids name the right thing.
    byKind: [
      [/callback/i, [callback.body.callback.id]],
      [/ticket/i, [ticketId, queuedTicketId, callback.body.ticketId]],
      [/customer/i, [customerId, otherCustomerId]],
      [/queue/i, [queueId]],
      [/call/i, calls.map((c) => c.id)],
      [/agent|user/i, others.map((u) => u.id)],
      [/team/i, [teamId]],
      [/message/i, [note.body.message.id]],
    ],
  };
  sids = {
    calls: [...calls.map((c) => c.callSid), simulated.body.callSid],
    messages: messages.map((m) => m.providerId!),
  };
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** An id: mostly one of the rows above, else a UUID nothing has or something that is no UUID at all. */
const anId = () => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids.all) }, { weight: 1, arbitrary: notAUuid });

/** An id for a field of this name: mostly a row of the kind it names, else any id above, or none. */
function idFor(name: string) {
  const rows = ids.byKind.find(([kind]) => kind.test(name))?.[1];
  return rows ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...rows) }, { weight: 1, arbitrary: anId() }) : anId();
}

/** Field values by name: hosts and ports kept on loopback (a created mailbox is connected to), phone numbers odd. */
const fieldValues = (): FieldValues => ({
  uuid: idFor,
  byName: [
    [/^value$/, fc.oneof(oddPhone, fc.constantFrom('a@example.com', 'fuzz-customer@example.com', 'not an address'))],
    [/^(imap|smtp)Host$/, fc.constantFrom('127.0.0.1', '', 'a b', 'h\u0000')],
    [/^(imap|smtp)Port$/, fc.constantFrom(1, 9, 0, 65_536, -1, '1', null)],
    [/^(phone|phoneNumber|from)$/, oddPhone],
  ],
});

const generate = (arbitrary: fc.Arbitrary<FuzzRequest>, offset: number, numRuns: number) =>
  fc.sample(arbitrary, { seed: SEED + offset, numRuns });

let logReadUpTo = 0;

/**
 * Sends the requests and fails with a reproducer for each one answered 5xx (or not answered at all), and with the
 * server's log line for each 5xx it logged meanwhile.
 */
async function expectNo5xx(requests: FuzzRequest[]) {
  const results = await sendAll(server.url, requests);
  const problems = results.flatMap((r) => {
    const problem = problemWith(r);
    return problem ? [`${problem}\n  ${describeRequest(r.request)}`] : [];
  });
  const log = server.output();
  const logged = serverLog5xx(log.slice(logReadUpTo, log.lastIndexOf('\n') + 1));
  logReadUpTo = log.lastIndexOf('\n') + 1;
  const report = `${problems.length} of ${results.length} requests failed:\n${problems.join('\n')}\n\nthe server logged:\n${logged.join('\n')}`;
  expect({ problems, logged }, report).toEqual({ problems: [], logged: [] });
  return results;
}

/** Each family of requests (a webhook, a route) with every status it was answered. */
function statusesByFamily(results: FuzzResult[]) {
  const statuses = new Map<string, Set<number | null>>();
  for (const { request, status } of results) {
    if (!statuses.has(request.family)) statuses.set(request.family, new Set());
    statuses.get(request.family)!.add(status);
  }
  return statuses;
}

// A fuzz that only ever hits the front door proves little: the coverage checks below make sure odd input also
// reached the code behind signature checks and validation, which answers 2xx, or 404 / 409 about a real request.
const answeredByHandler = (statuses: Set<number | null>) =>
  [...statuses].some((s) => s !== null && (s < 300 || s === 404 || s === 409));

describe('malformed input from everywhere, generated', () => {
  it('when Twilio webhooks arrive signed and unsigned with odd, missing, repeated and prototype parameters, NUL, lone surrogates, huge text, JSON bodies and odd content types, then none is answered 5xx', async () => {
    const targets: WebhookTargets = {
      authToken,
      publicUrl: server.url,
      ids: ids.all,
      callIds: ids.calls,
      callSids: sids.calls,
      messageSids: sids.messages,
      anyId: anId(),
    };
    const results = await expectNo5xx(generate(webhookRequest(targets), 1, 1100));
    // All 18 webhooks, each of them also with parameters its handler took (2xx).
    const statuses = statusesByFamily(results);
    expect(statuses.size).toBe(18);
    const neverTaken = [...statuses].filter(([, s]) => ![...s].some((status) => status !== null && status < 300));
    expect(neverTaken.map(([family]) => family)).toEqual([]);
    // Unsigned or wrongly signed: refused (403, or earlier for a body no one could read), never taken.
    const forged = results.filter((r) => r.request.as === 'forger');
    expect(forged.map((r) => r.status)).toContain(403);
    expect(forged.filter((r) => r.status !== null && r.status < 400).map((r) => describeRequest(r.request))).toEqual(
      [],
    );
  }, 120_000);

  it('when anyone signs in with odd JSON, wrong types or charsets, or calls the probes, the API document, metrics, the realtime endpoint or the console with odd paths, queries and headers, then none is answered 5xx', async () => {
    const signIn = routeTable.find((r) => r.path === '/api/auth/sign-in')!;
    const requests = [
      ...generate(apiRequest(signIn, fieldValues(), 'anonymous', null), 2, 250),
      ...generate(publicRequest(), 3, 350),
    ];
    const statuses = statusesByFamily(await expectNo5xx(requests));
    // Sign-in got as far as checking credentials; the probes answered.
    expect(statuses.get('api POST /api/auth/sign-in')).toContain(401);
    expect(statuses.get('public /healthz')).toContain(200);
    expect(statuses.get('public /readyz')).toContain(200);
  }, 120_000);

  it('when an admin and an agent call the API routes with wrong types, missing fields, NUL, lone surrogates, huge numbers, bad ids and odd queries, then none is answered 5xx', async () => {
    // Every signed-in route but sign-out, which would end the session the rest of the run uses.
    const routes = routeTable.filter((r) => r.access !== 'public' && r.path !== '/api/auth/sign-out');
    const values = fieldValues();
    // Built once per route and role (not per request: building one compiles the route's schemas). Routes that take
    // a body have more to get wrong: they get twice the share.
    const request = fc.oneof(
      ...routes.flatMap((route) =>
        (['admin', 'agent'] as const).map((role) => ({
          weight: route.body ? 2 : 1,
          arbitrary: apiRequest(route, values, role, (role === 'admin' ? admin : agent).cookie!),
        })),
      ),
    );
    const statuses = statusesByFamily(await expectNo5xx(generate(request, 4, 3000)));
    // Every route was called, and most of them also with input their handler took up.
    expect(statuses.size).toBe(routes.length);
    expect([...statuses.values()].filter(answeredByHandler).length).toBeGreaterThan(routes.length * 0.75);
  }, 120_000);

  it('when requests are broken below the JSON (cut short, wrong Content-Length, bad chunking, compressed garbage, other charsets, odd Content-Types, huge or broken headers, bad request lines), then none is answered 5xx', async () => {
    await expectNo5xx(
      generate(httpLevelRequest({ cookie: agent.cookie!, ticketId: ids.ticketId, customerId: ids.customerId }), 5, 300),
    );
  }, 120_000);

  it('when all of it is over, then the process still runs, answers /healthz and /readyz, and the signed-in users still work', async () => {
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect((await agent.get('/api/me')).status).toBe(200);
  });
});
