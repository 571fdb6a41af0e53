import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aQueue } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

// The wall's contact facts name their queue without a foreign key (intake would share-lock the queue's row on every
// contact); deleting a queue still clears its id from them, as the key's "on delete set null" did.
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe('contact facts of a deleted queue', () => {
  it('when a queue is deleted, then its facts stay and no longer name it, and other queues’ facts keep theirs', async () => {
    const gone = await aQueue(db.sql);
    const kept = await aQueue(db.sql);
    const customerId = await aCustomer(db.sql);
    const tickets = await db.sql<{ id: string }[]>`
      insert into tickets (customer_id, channel, subject, status, queue_id, queued_at, waiting_since)
      values (${customerId}, 'sms', 'First', 'new', ${gone}, now(), now()),
             (${customerId}, 'sms', 'Second', 'new', ${kept}, now(), now())
      returning id`;
    const facts = () => db.sql<{ ticketId: string; queueId: string | null }[]>`
      select ticket_id, queue_id from contact_events where kind = 'queued' order by ticket_id`;
    expect((await facts()).map((f) => f.queueId).sort()).toEqual([gone, kept].sort());

    await db.sql`delete from queues where id = ${gone}`;

    const after = await facts();
    expect(after).toHaveLength(2);
    expect(after.find((f) => f.ticketId === tickets[0].id)?.queueId).toBeNull();
    expect(after.find((f) => f.ticketId === tickets[1].id)?.queueId).toBe(kept);
  });
});
