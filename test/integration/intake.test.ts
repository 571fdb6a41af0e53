import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionSql } from '../../server/db/client';
import { intakeContact, IntakeWithdrawn } from '../../server/intake/intakeContact';
import { aPhone, anEmail, anSms } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { waitFor } from '../support/waitFor';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let entryQueue: string;

beforeAll(async () => {
  db = await createTestDatabase();
  // Web only: no worker routes in the background, so these tests see intake alone.
  server = await startTestServer(testEnv(db.url, { SERVICES: 'web,realtime' }));
  entryQueue = await aQueue(db.sql, { entryForChannels: ['sms', 'email'] });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const count = async (table: string, where = db.sql`true`) =>
  (await db.sql`select count(*)::int as n from ${db.sql(table)} where ${where}`)[0].n;

describe('intake', () => {
  it('when a new number texts, then a customer with that E.164 identity, a ticket in the entry queue and the message are stored', async () => {
    const result = await intakeContact(server.ctx, anSms('+1 (415) 555-0143', 'My router is blinking red'));
    expect(result).toMatchObject({ created: true, newTicket: true });
    const [identity] =
      await db.sql`select kind, value, customer_id from customer_identities where customer_id = ${result.customerId}`;
    expect(identity).toMatchObject({ kind: 'phone', value: '+14155550143' });
    const [ticket] =
      await db.sql`select channel, status, queue_id, subject, queued_at from tickets where id = ${result.ticketId}`;
    expect(ticket).toMatchObject({
      channel: 'sms',
      status: 'new',
      queueId: entryQueue,
      subject: 'My router is blinking red',
    });
    expect(ticket.queuedAt).toBeInstanceOf(Date);
    const [message] =
      await db.sql`select direction, status, body_text, from_address from messages where id = ${result.messageId}`;
    expect(message).toMatchObject({
      direction: 'inbound',
      status: 'received',
      bodyText: 'My router is blinking red',
      fromAddress: '+14155550143',
    });
  });

  it('when the same number texts again, written differently, then the message joins the open SMS ticket', async () => {
    const first = await intakeContact(server.ctx, anSms('+14155550177', 'first'));
    const second = await intakeContact(server.ctx, anSms('+1 415-555-0177', 'second'));
    expect(second.customerId).toBe(first.customerId);
    expect(second.ticketId).toBe(first.ticketId);
    expect(second.newTicket).toBe(false);
  });

  it('when one provider id is delivered 20 times at once, then exactly one message, ticket and customer exist', async () => {
    const phone = aPhone();
    const sms = anSms(phone, 'sent once, delivered twenty times');
    const results = await Promise.all(Array.from({ length: 20 }, () => intakeContact(server.ctx, { ...sms })));
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await count('messages', db.sql`provider_id = ${sms.providerId}`)).toBe(1);
    expect(await count('customer_identities', db.sql`value = ${phone}`)).toBe(1);
    expect(await count('tickets', db.sql`customer_id = ${results[0].customerId}`)).toBe(1);
  });

  it('when a new customer sends 10 different messages at once, then they make one customer and one ticket', async () => {
    const phone = aPhone();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => intakeContact(server.ctx, anSms(phone, `message ${i}`))),
    );
    expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
    expect(new Set(results.map((r) => r.ticketId)).size).toBe(1);
    expect(await count('messages', db.sql`ticket_id = ${results[0].ticketId}`)).toBe(10);
  });

  it('when an email replies to a stored message or quotes its own ticket’s number, then it joins that ticket; otherwise it opens a new one', async () => {
    const original = anEmail('Ada@Example.org', 'Invoice question', 'Why was I charged twice?');
    const first = await intakeContact(server.ctx, original);
    const byHeader = await intakeContact(
      server.ctx,
      anEmail('ada@example.org', 'Re: Invoice question', 'Any news?', {
        replyTo: { providerIds: [original.providerId] },
      }),
    );
    expect(byHeader.ticketId).toBe(first.ticketId);
    const [{ number }] = await db.sql`select number from tickets where id = ${first.ticketId}`;
    const byToken = await intakeContact(
      server.ctx,
      anEmail('ada@example.org', `[#${number}] still waiting`, 'Hello?', { replyTo: { ticketNumber: Number(number) } }),
    );
    expect(byToken.ticketId).toBe(first.ticketId);
    const stranger = await intakeContact(
      server.ctx,
      anEmail('mallory@example.net', `[#${number}] me too`, 'Let me in', { replyTo: { ticketNumber: Number(number) } }),
    );
    expect(stranger.ticketId).not.toBe(first.ticketId);
    const fresh = await intakeContact(server.ctx, anEmail('ada@example.org', 'Another topic', 'New question'));
    expect(fresh.ticketId).not.toBe(first.ticketId);
    expect(fresh.customerId).toBe(first.customerId);
  });

  it('when a customer writes to a resolved ticket, then it is reopened and the reopening audited', async () => {
    const first = await intakeContact(server.ctx, anSms(aPhone(), 'help'));
    await db.sql`update tickets set status = 'resolved', resolved_at = now() where id = ${first.ticketId}`;
    await intakeContact(
      server.ctx,
      anSms(
        (await db.sql`select value from customer_identities where customer_id = ${first.customerId}`)[0].value,
        'it broke again',
      ),
    );
    const [t] = await db.sql`select status, resolved_at from tickets where id = ${first.ticketId}`;
    expect(t).toEqual({ status: 'open', resolvedAt: null });
    const audit =
      await db.sql`select action, actor_kind, data from audit_log where entity_id = ${first.ticketId} order by id`;
    expect(audit.map((a) => a.action)).toEqual(['ticket.created', 'ticket.status_changed']);
    expect(audit[1]).toMatchObject({ actorKind: 'customer', data: { from: 'resolved', to: 'open' } });
  });

  it('when the read sent with intake says the contact is something else, then nothing of it is stored, new customer or old ticket', async () => {
    const phone = aPhone();
    const sms = anSms(phone, 'a first text');
    await expect(intakeContact(server.ctx, sms, { withdrawIf: async () => true })).rejects.toBeInstanceOf(
      IntakeWithdrawn,
    );
    expect(await db.sql`select 1 from customer_identities where value = ${phone}`).toHaveLength(0);
    expect(await db.sql`select 1 from messages where provider_id = ${sms.providerId}`).toHaveLength(0);

    const first = await intakeContact(server.ctx, anSms(phone, 'help'));
    await db.sql`update tickets set status = 'resolved', resolved_at = now() where id = ${first.ticketId}`;
    let read = false;
    const again = anSms(phone, 'it broke again');
    const withdrawIf = async (tx: TransactionSql) => {
      read = (await tx`select 1 from tickets where id = ${first.ticketId}`).length === 1;
      return true;
    };
    await expect(intakeContact(server.ctx, again, { withdrawIf })).rejects.toBeInstanceOf(IntakeWithdrawn);
    expect(read).toBe(true);
    const [t] = await db.sql`select status from tickets where id = ${first.ticketId}`;
    expect(t.status).toBe('resolved');
    expect(await db.sql`select 1 from messages where provider_id = ${again.providerId}`).toHaveLength(0);
    expect(await db.sql`select action from audit_log where entity_id = ${first.ticketId}`).toHaveLength(1);
  });

  it('when a contact arrives, then after commit the ticket’s watchers (supervisors here) are told in a batch', async () => {
    const supervisor = await aUser(db.sql, 'admin');
    const client = await new TestClient(server.url).signIn(supervisor.email, supervisor.password);
    const socket: Socket = await connectSocket(server.url, client.cookie);
    try {
      // Every batch is kept: one with an earlier test's changes may come first (an admin watches every queue).
      const told: { ticketId: string; assigneeId?: string | null }[] = [];
      socket.on('tickets.changed', ({ changes }: { changes: typeof told }) => told.push(...changes));
      const result = await intakeContact(server.ctx, anSms(aPhone(), 'ping'));
      await waitFor(
        async () => told,
        (changes) => changes.some((c) => c.ticketId === result.ticketId),
      );
      expect(told).toContainEqual({ ticketId: result.ticketId, assigneeId: null });
    } finally {
      socket.close();
    }
  });

  it('when a burst of contacts arrives, then a supervisor hears of every ticket in a few batched events, not one each', async () => {
    const supervisor = await aUser(db.sql, 'admin');
    const client = await new TestClient(server.url).signIn(supervisor.email, supervisor.password);
    const socket: Socket = await connectSocket(server.url, client.cookie);
    const heard = new Set<string>();
    let events = 0;
    socket.on('tickets.changed', ({ changes }: { changes: { ticketId: string }[] }) => {
      events += 1;
      for (const change of changes) heard.add(change.ticketId);
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, () => intakeContact(server.ctx, anSms(aPhone(), 'hi'))),
      );
      await waitFor(
        async () => results.filter((r) => !heard.has(r.ticketId)).length,
        (missing) => missing === 0,
      );
      expect(events).toBeLessThan(results.length);
    } finally {
      socket.close();
    }
  });

  it('when an email names an address that is not one, then it is refused with a 400 naming from, and nothing is stored', async () => {
    const before = await count('messages');
    const mail = {
      ...anSms(aPhone(), 'x'),
      channel: 'email' as const,
      from: { kind: 'email' as const, value: 'not an address' },
    };
    await expect(intakeContact(server.ctx, mail)).rejects.toMatchObject({ status: 400, code: 'invalid_input' });
    expect(await count('messages')).toBe(before);
  });
});
