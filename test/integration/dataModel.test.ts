import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aTicket } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

// Postgres error codes the application maps to user-facing answers.
const CHECK_VIOLATION = '23514';
const UNIQUE_VIOLATION = '23505';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const unique = () => randomBytes(4).toString('hex');

async function identity(customerId: string, kind: string, value: string) {
  await db.sql`insert into customer_identities (customer_id, kind, value) values (${customerId}, ${kind}, ${value})`;
}

async function message(ticketId: string, channel: string, providerId: string | null) {
  await db.sql`insert into messages (ticket_id, channel, direction, provider_id) values (${ticketId}, ${channel}, 'inbound', ${providerId})`;
}

async function user(fields: { role?: string } = {}) {
  const [row] = await db.sql<{ id: string; capacityVoice: number; capacitySms: number; capacityEmail: number }[]>`
    insert into users (email, name, role, password_hash)
    values (${`user-${unique()}@example.com`}, 'Some One', ${fields.role ?? 'agent'}, 'hash')
    returning id, capacity_voice, capacity_sms, capacity_email`;
  return row;
}

async function queue() {
  const [{ id }] = await db.sql<
    { id: string }[]
  >`insert into queues (name) values (${`Queue ${unique()}`}) returning id`;
  return id;
}

async function call(callSid: string) {
  await db.sql`insert into calls (call_sid, direction, from_number, to_number) values (${callSid}, 'inbound', '+447700900123', '+441134960000')`;
}

describe('data model constraints', () => {
  it('when a phone identity is not in E.164, then it is refused; an E.164 number is accepted', async () => {
    const customerId = await aCustomer(db.sql);
    await expect(identity(customerId, 'phone', '0044 7700 900123')).rejects.toMatchObject({ code: CHECK_VIOLATION });
    await expect(identity(customerId, 'phone', '+0123')).rejects.toMatchObject({ code: CHECK_VIOLATION });
    await expect(identity(customerId, 'phone', '+447700900123')).resolves.toBeUndefined();
    const rows = await db.sql`select value from customer_identities where customer_id = ${customerId}`;
    expect(rows).toEqual([{ value: '+447700900123' }]);
  });

  it('when an email identity has upper-case letters, then it is refused; the lower-case form is accepted', async () => {
    const customerId = await aCustomer(db.sql);
    const email = `jane.${unique()}@example.com`;
    await expect(identity(customerId, 'email', email.replace('jane', 'Jane'))).rejects.toMatchObject({
      code: CHECK_VIOLATION,
    });
    await expect(identity(customerId, 'email', email)).resolves.toBeUndefined();
  });

  it('when an identity already belongs to one customer, then it cannot be given to another', async () => {
    const phone = `+4477009${randomInt(10_000, 100_000)}`;
    await aCustomer(db.sql, { phone });
    const other = await aCustomer(db.sql);
    await expect(identity(other, 'phone', phone)).rejects.toMatchObject({ code: UNIQUE_VIOLATION });
    // The same text as another kind is a different identity.
    const email = `shared-${unique()}@example.com`;
    await aCustomer(db.sql, { email });
    await expect(identity(other, 'email', email)).rejects.toMatchObject({ code: UNIQUE_VIOLATION });
  });

  it('when the same provider message id arrives twice on one channel, then the second is refused; on another channel, or without an id, it is kept', async () => {
    const ticketId = await aTicket(db.sql, { customerId: await aCustomer(db.sql) });
    const sid = `SM${randomBytes(16).toString('hex')}`;
    await message(ticketId, 'sms', sid);
    await expect(message(ticketId, 'sms', sid)).rejects.toMatchObject({ code: UNIQUE_VIOLATION });
    await expect(message(ticketId, 'email', sid)).resolves.toBeUndefined();
    await message(ticketId, 'note', null);
    await message(ticketId, 'note', null);
    await message(ticketId, 'sms', null);
    const [{ count }] = await db.sql<
      { count: number }[]
    >`select count(*)::int from messages where ticket_id = ${ticketId}`;
    expect(count).toBe(5);
  });

  it('when a user is given a role other than agent, supervisor or admin, then it is refused', async () => {
    for (const role of ['agent', 'supervisor', 'admin']) await expect(user({ role })).resolves.toBeTruthy();
    await expect(user({ role: 'superuser' })).rejects.toMatchObject({ code: CHECK_VIOLATION });
    await expect(user({ role: 'Admin' })).rejects.toMatchObject({ code: CHECK_VIOLATION });
  });

  it('when a user is created without capacities, then they take 1 call, 3 SMS and 5 emails at once', async () => {
    const created = await user();
    expect(created).toMatchObject({ capacityVoice: 1, capacitySms: 3, capacityEmail: 5 });
  });

  it('when tickets are created one after another, then each gets a higher number than the one before', async () => {
    const customerId = await aCustomer(db.sql);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await aTicket(db.sql, { customerId }));
    const rows = await db.sql<
      { id: string; number: string }[]
    >`select id, number from tickets where id = any(${ids}::uuid[])`;
    const numbers = ids.map((id) => BigInt(rows.find((r) => r.id === id)!.number));
    expect(numbers[0]).toBeGreaterThan(0n);
    expect(numbers[1]).toBeGreaterThan(numbers[0]);
    expect(numbers[2]).toBeGreaterThan(numbers[1]);
    // Numbers are assigned by the database, never by the caller.
    await expect(
      db.sql`insert into tickets (number, customer_id, channel) values (1, ${customerId}, 'sms')`,
    ).rejects.toMatchObject({ code: '428C9' });
  });

  it('when a queue overflows into itself, or names only one of overflow queue and overflow seconds, then it is refused', async () => {
    const main = await queue();
    const overflow = await queue();
    await expect(
      db.sql`update queues set overflow_queue_id = id, overflow_after_seconds = 60 where id = ${main}`,
    ).rejects.toMatchObject({ code: CHECK_VIOLATION });
    await expect(db.sql`update queues set overflow_queue_id = ${overflow} where id = ${main}`).rejects.toMatchObject({
      code: CHECK_VIOLATION,
    });
    await expect(db.sql`update queues set overflow_after_seconds = 60 where id = ${main}`).rejects.toMatchObject({
      code: CHECK_VIOLATION,
    });
    await expect(
      db.sql`update queues set overflow_queue_id = ${overflow}, overflow_after_seconds = 0 where id = ${main}`,
    ).rejects.toMatchObject({ code: CHECK_VIOLATION });
    await db.sql`update queues set overflow_queue_id = ${overflow}, overflow_after_seconds = 60 where id = ${main}`;
    const [row] = await db.sql`select overflow_queue_id, overflow_after_seconds from queues where id = ${main}`;
    expect(row).toEqual({ overflowQueueId: overflow, overflowAfterSeconds: 60 });
  });

  it('when a callback is requested for a number not in E.164, then it is refused', async () => {
    const customerId = await aCustomer(db.sql);
    const callback = (phone: string) =>
      db.sql`insert into callbacks (customer_id, phone_number) values (${customerId}, ${phone})`;
    await expect(callback('07700 900123')).rejects.toMatchObject({ code: CHECK_VIOLATION });
    await expect(callback('+0123')).rejects.toMatchObject({ code: CHECK_VIOLATION });
    await expect(callback('+447700900123')).resolves.toBeTruthy();
  });

  it('when the same CallSid is recorded twice, then the second call row is refused', async () => {
    const sid = `CA${randomBytes(16).toString('hex')}`;
    await call(sid);
    await expect(call(sid)).rejects.toMatchObject({ code: UNIQUE_VIOLATION });
    await call(`CA${randomBytes(16).toString('hex')}`);
  });
});
