import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileVoiceJobs } from '../../server/voice/voiceJobReconciler';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// A job lost between the commit that called for it and Redis (a crash, a flushed Redis) is added again from the rows.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sim = () => server.ctx.voice.simulator!;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { SIMULATOR_TIME_SCALE: '0.05' }));
  await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('the voice job reconciler', () => {
  it('places an agent leg whose dial job was lost: the agent’s phone rings and the waiting caller is connected', async () => {
    const agent = await aUser(db.sql, 'agent');
    const device = `client:agent-${agent.id}`;
    const caller = sim().placeCall({ from: aPhone(), to: server.ctx.voice.companyNumber });
    await sim().waitFor(caller, (c) => c.awaiting?.kind === 'gather', 10_000);
    sim().pressDigits(caller, '1');
    await sim().waitFor(caller, (c) => c.queue !== null, 10_000);
    // What ringAgent commits, without the job it then adds: the state a crash between the two leaves behind.
    const [call] = await db.sql<
      { id: string; ticketId: string }[]
    >`select id, ticket_id from calls where call_sid = ${caller}`;
    await db.sql`update tickets set assignee_id = ${agent.id} where id = ${call.ticketId}`;
    await db.sql`update calls set agent_id = ${agent.id} where id = ${call.id}`;
    await db.sql`insert into call_legs (call_id, agent_id, to_address, created_at) values (${call.id}, ${agent.id}, ${device}, now() - interval '1 minute')`;
    expect(
      sim()
        .calls()
        .some((c) => c.to === device),
    ).toBe(false);

    expect(await reconcileVoiceJobs(server.ctx)).toEqual({ unplaced: 1, unbridged: 0 });
    const ringing = await sim().waitForCall((c) => c.to === device && c.status === 'ringing', 10_000);
    sim().answer(ringing.sid);
    await sim().waitFor(caller, (c) => c.conference?.participants.length === 2, 10_000);
    // Nothing is left to reconcile, and running it again changes nothing.
    expect(await reconcileVoiceJobs(server.ctx)).toEqual({ unplaced: 0, unbridged: 0 });
    sim().hangup(caller);
  });
});
