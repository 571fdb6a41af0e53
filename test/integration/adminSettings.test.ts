import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { runRoutingPass } from '../../server/routing/routingPass';
import { aPhone, anSms } from '../support/contacts';
import { aQueue, aSkill, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let adminId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  // No worker: nothing routes in the background, the priority test drives routing itself.
  server = await startTestServer(testEnv(db.url, { SERVICES: 'web' }));
  const user = await aUser(db.sql, 'admin', { name: 'Ada Admin' });
  adminId = user.id;
  admin = await new TestClient(server.url).signIn(user.email, user.password);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const del = (path: string) => admin.request('DELETE', path);
const audit = async (entityType: string, entityId: string) =>
  (await admin.get(`/api/admin/audit?entityType=${entityType}&entityId=${entityId}`)).body.entries;
const teamById = async (id: string) =>
  (await admin.get('/api/admin/teams')).body.teams.find((t: { id: string }) => t.id === id);
const queueById = async (id: string) =>
  (await admin.get('/api/admin/queues')).body.queues.find((q: { id: string }) => q.id === id);

describe('teams', () => {
  it('when an admin renames a team and sets its members, then both are stored and the audit says who changed what', async () => {
    const team = await aTeam(db.sql, 'Night shift');
    const [ann, bo] = [await aUser(db.sql, 'agent'), await aUser(db.sql, 'supervisor')];
    const res = await admin.patch(`/api/admin/teams/${team}`, { name: 'Late shift', memberIds: [ann.id, bo.id] });
    expect(res.status).toBe(200);
    const stored = await teamById(team);
    expect(stored.name).toBe('Late shift');
    expect([...stored.memberIds].sort()).toEqual([ann.id, bo.id].sort());

    // Only the fields given change: a rename keeps the members.
    await admin.patch(`/api/admin/teams/${team}`, { name: 'Evening shift' });
    expect((await teamById(team)).memberIds).toHaveLength(2);

    const [latest, first] = await audit('team', team);
    expect(latest).toMatchObject({
      action: 'team.updated',
      actor: { kind: 'user', id: adminId, name: 'Ada Admin' },
      data: { changes: { name: { from: 'Late shift', to: 'Evening shift' } } },
    });
    expect(first.data.changes.name).toEqual({ from: 'Night shift', to: 'Late shift' });
    expect(first.data.changes.memberIds.from).toEqual([]);
  });

  it('when a member does not exist or the name is taken, then the answer names the field and nothing changes', async () => {
    const team = await aTeam(db.sql);
    const taken = await aTeam(db.sql);
    const unknown = await admin.patch(`/api/admin/teams/${team}`, {
      memberIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('memberIds');
    const name = (await teamById(taken)).name;
    const clash = await admin.patch(`/api/admin/teams/${team}`, { name });
    expect(clash.status).toBe(409);
    expect(clash.body.error.fields).toEqual([{ path: 'name', message: 'is taken' }]);
    expect(await audit('team', team)).toHaveLength(1); // only team.created
  });

  it('when an admin deletes a team, then its members stay and its queue keeps working without a team', async () => {
    const team = await aTeam(db.sql);
    const member = await aUser(db.sql, 'agent', { teamIds: [team] });
    const queue = await aQueue(db.sql, { teamId: team });
    expect((await del(`/api/admin/teams/${team}`)).status).toBe(204);
    expect(await teamById(team)).toBeUndefined();
    expect((await queueById(queue)).teamId).toBeNull();
    const users = (await admin.get('/api/admin/users')).body.users;
    expect(users.find((u: { id: string }) => u.id === member.id).teamIds).toEqual([]);
    expect((await audit('team', team))[0]).toMatchObject({ action: 'team.deleted' });
    expect((await del(`/api/admin/teams/${team}`)).status).toBe(404);
  });
});

describe('skills', () => {
  it('when an admin renames a skill, then agents and queues keep it under the new name', async () => {
    const old = await aSkill(db.sql);
    const agent = await aUser(db.sql, 'agent', { skills: [old] });
    const queue = await aQueue(db.sql, { skills: [old] });
    const [skill] = (await admin.get('/api/admin/skills')).body.skills.filter((s: { name: string }) => s.name === old);
    expect(skill).toMatchObject({ agentCount: 1, queueIds: [queue] });
    const res = await admin.patch(`/api/admin/skills/${skill.id}`, { name: `${old}-renamed`, label: 'Renamed' });
    expect(res.status).toBe(200);
    expect((await queueById(queue)).skills).toEqual([`${old}-renamed`]);
    const users = (await admin.get('/api/admin/users')).body.users;
    expect(users.find((u: { id: string }) => u.id === agent.id).skills).toEqual([`${old}-renamed`]);
    expect((await audit('skill', skill.id))[0].data.changes).toEqual({
      name: { from: old, to: `${old}-renamed` },
      label: { from: old, to: 'Renamed' },
    });
  });

  it('when a queue requires a skill, then deleting it is refused naming the queue; once free, agents lose it', async () => {
    const name = await aSkill(db.sql);
    const agent = await aUser(db.sql, 'agent', { skills: [name] });
    const queue = await aQueue(db.sql, { skills: [name], name: 'Needs the skill' });
    const skillId = (await admin.get('/api/admin/skills')).body.skills.find(
      (s: { name: string }) => s.name === name,
    ).id;
    const refused = await del(`/api/admin/skills/${skillId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('Needs the skill');
    expect(await db.sql`select 1 from skills where id = ${skillId}`).toHaveLength(1);

    await admin.put(`/api/admin/queues/${queue}`, { name: 'Needs the skill', skills: [] });
    expect((await del(`/api/admin/skills/${skillId}`)).status).toBe(204);
    expect(await db.sql`select 1 from agent_skills where user_id = ${agent.id}`).toHaveLength(0);
    expect((await audit('skill', skillId))[0]).toMatchObject({ action: 'skill.deleted', data: { name } });
  });

  it('when a new skill name has capitals or spaces, then the answer names the field', async () => {
    const res = await admin.post('/api/admin/skills', { name: 'Bad Name', label: 'Bad' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('name');
  });
});

describe('queues', () => {
  it('when an admin saves a queue, then priority and every other setting are kept, and the audit lists the changes from → to', async () => {
    const team = await aTeam(db.sql);
    const skill = await aSkill(db.sql);
    const overflow = await aQueue(db.sql);
    const queue = await aQueue(db.sql, { name: 'Billing desk' });
    const res = await admin.put(`/api/admin/queues/${queue}`, {
      name: 'Billing desk',
      teamId: team,
      skills: [skill],
      overflowQueueId: overflow,
      overflowAfterSeconds: 120,
      entryForChannels: ['email'],
      blendWithCalls: true,
      priority: 7,
    });
    expect(res.status).toBe(200);
    expect(await queueById(queue)).toMatchObject({
      teamId: team,
      skills: [skill],
      overflowQueueId: overflow,
      overflowAfterSeconds: 120,
      entryForChannels: ['email'],
      blendWithCalls: true,
      priority: 7,
    });
    const [updated] = await audit('queue', queue);
    expect(updated.action).toBe('queue.updated');
    expect(updated.data.changes.priority).toEqual({ from: 0, to: 7 });
    expect(updated.data.changes.skills).toEqual({ from: [], to: [skill] });
    expect(updated.data.changes.name).toBeUndefined();
  });

  it('when a queue names a team that does not exist, overflows into itself or has a priority out of range, then the answer names that field', async () => {
    const queue = await aQueue(db.sql, { name: 'Fielded' });
    const before = await queueById(queue);
    const fieldOf = async (body: object) => {
      const res = await admin.put(`/api/admin/queues/${queue}`, { name: 'Fielded', ...body });
      expect(res.status).toBe(400);
      return res.body.error.fields.map((f: { path: string }) => f.path);
    };
    expect(await fieldOf({ teamId: '00000000-0000-4000-8000-000000000000' })).toEqual(['teamId']);
    expect(await fieldOf({ businessHoursId: '00000000-0000-4000-8000-000000000000' })).toEqual(['businessHoursId']);
    expect(await fieldOf({ overflowQueueId: queue, overflowAfterSeconds: 60 })).toEqual(['overflowQueueId']);
    expect(await fieldOf({ priority: 101 })).toEqual(['priority']);
    expect(await queueById(queue)).toEqual(before);
  });

  it('when an agent could take contacts of two queues, then the higher priority queue’s contact is offered first, however old the other', async () => {
    const [low, high] = [await aQueue(db.sql), await aQueue(db.sql)];
    await admin.put(`/api/admin/queues/${high}`, { name: (await queueById(high)).name, priority: 10 });
    const older = await intakeContact(server.ctx, anSms(aPhone(), 'first', { queueId: low }));
    await db.sql`update tickets set queued_at = now() - interval '1 hour' where id = ${older.ticketId}`;
    const newer = await intakeContact(server.ctx, anSms(aPhone(), 'second', { queueId: high }));
    const agent = await aUser(db.sql, 'agent');
    await db.sql`update users set presence = 'available', capacity_sms = 1 where id = ${agent.id}`;
    const offers = await runRoutingPass(server.ctx);
    expect(offers.map((o) => o.ticketId)).toEqual([newer.ticketId]);
  });
});

describe('the settings audit', () => {
  it('when asked for a type without an id, then it lists that type’s latest changes; an unknown type is a 400 naming it', async () => {
    const queue = await aQueue(db.sql);
    const entries = (await admin.get('/api/admin/audit?entityType=queue&limit=500')).body.entries;
    expect(entries.some((e: { entityId: string }) => e.entityId === queue)).toBe(true);
    expect(entries.every((e: { entityType: string }) => e.entityType === 'queue')).toBe(true);
    const bad = await admin.get('/api/admin/audit?entityType=ticket');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('entityType');
  });
});
