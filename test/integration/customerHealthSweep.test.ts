import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWEEP_BATCH, sweepCustomerHealth } from '../../server/health/healthJobs';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// The health sweep's walk over changed tickets: a burst larger than one sweep's batch drains over successive sweeps.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  db = await createTestDatabase();
  // No worker: only the sweeps this test runs, none on the worker's timer.
  server = await startTestServer(testEnv(db.url, { SERVICES: 'web' }));
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('the customer health sweep', () => {
  it('when more customers changed than one sweep takes, then successive sweeps reach every one of them', async () => {
    const burst = 2 * SWEEP_BATCH + 100;
    // One statement: every ticket has the same updated_at, as a bulk update makes (the walk splits the tie by id).
    const customers = await db.sql<{ id: string }[]>`
      with made as (insert into customers (name) select 'Burst ' || g from generate_series(1, ${burst}) g returning id)
      insert into tickets (customer_id, channel, subject, status)
      select id, 'email', 'Where is my order', 'new' from made
      returning customer_id as id`;
    const ids = customers.map((c) => c.id);
    const computed = async () =>
      (await db.sql<{ n: number }[]>`select count(*)::int as n from customer_health where customer_id = any(${ids})`)[0]
        .n;

    const walked: number[] = [];
    for (let sweep = 0; sweep < 3; sweep++) walked.push((await sweepCustomerHealth(server.ctx)).tickets);
    expect(walked).toEqual([SWEEP_BATCH, SWEEP_BATCH, 100]);
    expect(await computed()).toBe(burst);

    // Caught up: the next sweep finds nothing new and recomputes no one.
    await db.sql`update customer_health set computed_at = '2000-01-01' where customer_id = any(${ids})`;
    expect(await sweepCustomerHealth(server.ctx)).toEqual({ customers: 0, tickets: 0 });
    // A ticket changed after the walk is the next sweep's.
    await db.sql`update tickets set status = 'open', updated_at = now() where customer_id = ${ids[7]}`;
    expect(await sweepCustomerHealth(server.ctx)).toEqual({ customers: 1, tickets: 1 });
    const [row] =
      await db.sql`select computed_at > '2000-01-02' as fresh from customer_health where customer_id = ${ids[7]}`;
    expect(row.fresh).toBe(true);
  }, 120_000);

  it('when a ticket’s change commits after a later one was swept, then the next sweep still reaches it', async () => {
    const [x, y] = await db.sql<{ id: string }[]>`
      with made as (insert into customers (name) values ('Slow writer'), ('Quick writer') returning id)
      insert into tickets (customer_id, channel, subject, status) select id, 'sms', 'Hello', 'new' from made
      returning customer_id as id`;
    await sweepCustomerHealth(server.ctx);
    const computedAt = async (customerId: string) =>
      (await db.sql<{ at: Date }[]>`select computed_at as at from customer_health where customer_id = ${customerId}`)[0]
        ?.at;
    const before = { x: await computedAt(x.id), y: await computedAt(y.id) };

    // X's change is stamped first but commits last; Y's commits in between and is swept meanwhile.
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let stamped!: () => void;
    const isStamped = new Promise<void>((resolve) => (stamped = resolve));
    const slow = db.sql.begin(async (tx) => {
      await tx`update tickets set status = 'open', updated_at = now() where customer_id = ${x.id}`;
      stamped();
      await held;
    });
    await isStamped;
    await db.sql`update tickets set status = 'open', updated_at = now() where customer_id = ${y.id}`;
    await sweepCustomerHealth(server.ctx);
    commit();
    await slow;
    await sweepCustomerHealth(server.ctx);

    expect((await computedAt(x.id))!.getTime()).toBeGreaterThan(before.x!.getTime());
    expect((await computedAt(y.id))!.getTime()).toBeGreaterThan(before.y!.getTime());
  });
});
