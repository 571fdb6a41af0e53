import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { aPhone, anSms } from '../support/contacts';
import { aQueue, aSkill, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let supervisor: TestClient;
let team: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  team = await aTeam(db.sql);
  const s = await aUser(db.sql, 'supervisor', { teamIds: [team] });
  supervisor = await new TestClient(server.url).signIn(s.email, s.password);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const suffix = () => randomBytes(4).toString('hex');

/** An agent and an SMS ticket in a queue of their skill (one they may open), and one in a queue they lack. */
async function anAgentWithTickets(teamId: string | null = null) {
  const skill = await aSkill(db.sql);
  const queueId = await aQueue(db.sql, { skills: [skill], teamId });
  const hiddenQueue = await aQueue(db.sql, { skills: [await aSkill(db.sql)] });
  const user = await aUser(db.sql, 'agent', { skills: [skill] });
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const { ticketId } = await intakeContact(server.ctx, anSms(aPhone(), 'Hello', { queueId }));
  const { ticketId: hiddenId } = await intakeContact(server.ctx, anSms(aPhone(), 'Hello', { queueId: hiddenQueue }));
  return { user, client, ticketId, hiddenId };
}

const aTag = async (name = `tag-${suffix()}`, color?: string) => {
  const res = await supervisor.post('/api/tags', { name, ...(color ? { color } : {}) });
  expect(res.status, res.text).toBe(201);
  return res.body.tag as { id: string; name: string; color: string | null };
};

const auditOf = (ticketId: string) =>
  db.sql<{ action: string; actorUserId: string; data: Record<string, unknown> }[]>`
    select action, actor_user_id, data from audit_log where entity_type = 'ticket' and entity_id = ${ticketId}
      and action like 'ticket.tag_%' order by id`;

describe('the tag list', () => {
  it('when a supervisor adds a tag, then everyone lists it; its name is unique whatever the case, and a bad colour is refused', async () => {
    const name = `Refund-${suffix()}`;
    const tag = await aTag(name, '#1F6FEB');
    expect(tag).toMatchObject({ name, color: '#1f6feb' });
    const { client } = await anAgentWithTickets();
    const listed = (await client.get('/api/tags')).body.tags;
    expect(listed).toContainEqual({ ...tag, ticketCount: 0 });

    const taken = await admin.post('/api/tags', { name: name.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toEqual([{ path: 'name', message: 'is taken' }]);
    const badColour = await supervisor.post('/api/tags', { name: `x-${suffix()}`, color: 'blue' });
    expect(badColour.status).toBe(400);
    expect(badColour.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['color']);
    const [{ audited }] = await db.sql`
      select count(*)::int as audited from audit_log where entity_type = 'tag' and entity_id = ${tag.id} and action = 'tag.created'`;
    expect(audited).toBe(1);
  });

  it('when an agent tries to add, rename or delete a tag, then they are refused and nothing changes', async () => {
    const tag = await aTag();
    const { client } = await anAgentWithTickets();
    const name = `agent-${suffix()}`;
    expect((await client.post('/api/tags', { name })).status).toBe(403);
    expect((await client.patch(`/api/tags/${tag.id}`, { name })).status).toBe(403);
    expect((await client.request('DELETE', `/api/tags/${tag.id}`)).status).toBe(403);
    expect(await db.sql`select name from tags where id = ${tag.id} or name = ${name}`).toEqual([{ name: tag.name }]);
  });

  it('when a tag is renamed, then its tickets show the new name; when deleted, it comes off them; both audited', async () => {
    const tag = await aTag();
    const { client, ticketId } = await anAgentWithTickets();
    await client.put(`/api/tickets/${ticketId}/tags/${tag.id}`);
    const renamed = `renamed-${suffix()}`;
    expect((await supervisor.patch(`/api/tags/${tag.id}`, { name: renamed, color: '#00aa00' })).status).toBe(200);
    expect((await client.get(`/api/tickets/${ticketId}`)).body.tags).toEqual([
      { id: tag.id, name: renamed, color: '#00aa00' },
    ]);
    expect((await supervisor.request('DELETE', `/api/tags/${tag.id}`)).status).toBe(204);
    expect((await client.get(`/api/tickets/${ticketId}`)).body.tags).toEqual([]);
    expect((await supervisor.patch(`/api/tags/${tag.id}`, { name: 'gone' })).status).toBe(404);
    const actions =
      await db.sql`select action from audit_log where entity_type = 'tag' and entity_id = ${tag.id} order by id`;
    expect(actions.map((a) => a.action)).toEqual(['tag.created', 'tag.updated', 'tag.deleted']);
  });
});

describe('tags on tickets', () => {
  it('when an agent puts a tag on a ticket they may open and takes it off, then the ticket shows it, each change audited once', async () => {
    const tag = await aTag();
    const { user, client, ticketId } = await anAgentWithTickets();
    const added = await client.put(`/api/tickets/${ticketId}/tags/${tag.id}`);
    expect(added.status).toBe(200);
    expect(added.body.tags).toEqual([tag]);
    // Again: nothing more happens.
    expect((await client.put(`/api/tickets/${ticketId}/tags/${tag.id}`)).body.tags).toEqual([tag]);
    expect((await client.get(`/api/tickets/${ticketId}`)).body.tags).toEqual([tag]);
    const removed = await client.request('DELETE', `/api/tickets/${ticketId}/tags/${tag.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.tags).toEqual([]);
    expect(await auditOf(ticketId)).toEqual([
      { action: 'ticket.tag_added', actorUserId: user.id, data: { tagId: tag.id, name: tag.name } },
      { action: 'ticket.tag_removed', actorUserId: user.id, data: { tagId: tag.id, name: tag.name } },
    ]);
  });

  it('when an agent tags a ticket they may not open, or names no tag, then 404 and nothing is written', async () => {
    const tag = await aTag();
    const { client, ticketId, hiddenId } = await anAgentWithTickets();
    const hidden = await client.put(`/api/tickets/${hiddenId}/tags/${tag.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe('Ticket not found.');
    expect((await client.request('DELETE', `/api/tickets/${hiddenId}/tags/${tag.id}`)).status).toBe(404);
    const noTag = await client.put(`/api/tickets/${ticketId}/tags/00000000-0000-4000-8000-000000000000`);
    expect(noTag.status).toBe(404);
    expect(noTag.body.error.message).toBe('Tag not found.');
    expect(await db.sql`select 1 from ticket_tags where ticket_id in ${db.sql([ticketId, hiddenId])}`).toEqual([]);
    expect(await auditOf(hiddenId)).toEqual([]);
  });

  it('when a tag goes on a ticket, then its watchers are told the ticket changed, so their views re-read', async () => {
    const tag = await aTag();
    const { user, client, ticketId } = await anAgentWithTickets();
    await db.sql`update tickets set assignee_id = ${user.id} where id = ${ticketId}`;
    const socket = await connectSocket(server.url, client.cookie);
    try {
      const changed = nextEvent<{ ticketId: string }>(socket, 'ticket.changed', (e) => e.ticketId === ticketId);
      await admin.put(`/api/tickets/${ticketId}/tags/${tag.id}`);
      expect(await changed).toMatchObject({ ticketId, assigneeId: user.id });
    } finally {
      socket.close();
    }
  });
});

describe('the tag report', () => {
  it('when asked for a period, then it counts the tickets created in it per tag, among those the viewer may open', async () => {
    const [billing, shipping, unused] = [await aTag(), await aTag(), await aTag()];
    const ours = await anAgentWithTickets(team);
    const theirs = await anAgentWithTickets();
    const { ticketId: another } = await intakeContact(
      server.ctx,
      anSms(aPhone(), 'Hi', { queueId: await aQueue(db.sql, { teamId: team }) }),
    );
    const tagged = [
      [ours.ticketId, billing],
      [ours.ticketId, shipping],
      [another, billing],
      [theirs.ticketId, billing],
    ] as const;
    for (const [ticketId, tag] of tagged) await admin.put(`/api/tickets/${ticketId}/tags/${tag.id}`);
    // Created long ago: outside the period.
    const old = await anAgentWithTickets(team);
    await admin.put(`/api/tickets/${old.ticketId}/tags/${billing.id}`);
    await db.sql`update tickets set created_at = '2024-01-15T10:00:00Z' where id = ${old.ticketId}`;

    const today = new Date().toISOString().slice(0, 10);
    const count = (report: { tags: { id: string; tickets: number }[] }, id: string) =>
      report.tags.find((t) => t.id === id)?.tickets;
    const forAdmin = (await admin.get(`/api/reports/tags?from=2025-01-01&to=${today}`)).body;
    expect([count(forAdmin, billing.id), count(forAdmin, shipping.id), count(forAdmin, unused.id)]).toEqual([3, 1, 0]);
    const forSupervisor = await supervisor.get(`/api/reports/tags?from=2025-01-01&to=${today}`);
    expect(forSupervisor.status).toBe(200);
    expect(forSupervisor.body).toMatchObject({ from: '2025-01-01', to: today });
    // Their team's two tickets, not the other queue's.
    expect([count(forSupervisor.body, billing.id), count(forSupervisor.body, shipping.id)]).toEqual([2, 1]);
    const january = (await admin.get('/api/reports/tags?from=2024-01-15&to=2024-01-15')).body;
    expect(count(january, billing.id)).toBe(1);
    expect(january.tickets).toBe(1);

    const backwards = await admin.get('/api/reports/tags?from=2025-02-01&to=2025-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['to']);
    expect((await ours.client.get(`/api/reports/tags?from=2025-01-01&to=${today}`)).status).toBe(403);
  });
});
