import { randomBytes } from 'node:crypto';
import type { Sql } from '../../server/db/client';
import type { Role } from '../../server/http/apiTypes';
import { createSkill, createTeam } from '../../server/settings/teamAndSkillSettings';
import { queueInput, saveQueue } from '../../server/settings/queueSettings';
import { createUser } from '../../server/settings/userSettings';

export const TEST_PASSWORD = 'test-password-123';
const suffix = () => randomBytes(4).toString('hex');

export async function aUser(
  sql: Sql,
  role: Role,
  options: { skills?: string[]; teamIds?: string[]; name?: string } = {},
) {
  const email = `${role}-${suffix()}@example.com`;
  const id = await createUser(
    sql,
    {
      email,
      name: options.name ?? `${role} ${suffix()}`,
      role,
      password: TEST_PASSWORD,
      skills: options.skills ?? [],
      teamIds: options.teamIds ?? [],
      capacity: {},
    },
    null,
  );
  return { id, email, password: TEST_PASSWORD, role };
}

export const aTeam = (sql: Sql, name = `Team ${suffix()}`) => createTeam(sql, { name }, null);

export async function aSkill(sql: Sql, name = `skill-${suffix()}`) {
  await createSkill(sql, { name, label: name }, null);
  return name;
}

export const aQueue = (
  sql: Sql,
  options: Partial<{
    teamId: string | null;
    skills: string[];
    name: string;
    overflowQueueId: string;
    overflowAfterSeconds: number;
    entryForChannels: ('voice' | 'sms' | 'email')[];
  }> = {},
) => saveQueue(sql, queueInput.parse({ name: `Queue ${suffix()}`, ...options }), null);

export async function aCustomer(sql: Sql, identity: { phone?: string; email?: string } = {}) {
  const [{ id }] = await sql<
    { id: string }[]
  >`insert into customers (name) values (${`Customer ${suffix()}`}) returning id`;
  if (identity.phone)
    await sql`insert into customer_identities (customer_id, kind, value) values (${id}, 'phone', ${identity.phone})`;
  if (identity.email)
    await sql`insert into customer_identities (customer_id, kind, value) values (${id}, 'email', ${identity.email})`;
  return id;
}

export async function aTicket(
  sql: Sql,
  options: {
    customerId: string;
    queueId?: string | null;
    assigneeId?: string | null;
    channel?: 'sms' | 'email' | 'voice';
  },
) {
  const [{ id }] = await sql<{ id: string }[]>`
    insert into tickets (customer_id, channel, subject, queue_id, assignee_id, status)
    values (${options.customerId}, ${options.channel ?? 'sms'}, 'Test ticket', ${options.queueId ?? null}, ${options.assigneeId ?? null}, 'open')
    returning id`;
  return id;
}
