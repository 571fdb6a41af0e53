import { randomBytes, scrypt } from 'node:crypto';
import type { Sql } from '../../server/db/client';
import type { Role } from '../../server/http/apiTypes';
import { resolveSkillIds } from '../../server/settings/resolveSkillIds';
import { createSkill } from '../../server/settings/skillSettings';
import { createTeam } from '../../server/settings/teamSettings';
import { queueInput, saveQueue } from '../../server/settings/queueSettings';

export const TEST_PASSWORD = 'test-password-123';
const suffix = () => randomBytes(4).toString('hex');

// Test users sign in thousands of times a run. A stored hash carries its own scrypt cost (auth/passwords.ts), so
// theirs is written with N=2^10 (a millisecond) instead of the production 2^15; signing in still runs the real check.
const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
let cheapHash: Promise<string> | undefined;
function cheapTestPasswordHash() {
  cheapHash ??= (async () => {
    const salt = randomBytes(16);
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt(TEST_PASSWORD.normalize('NFKC'), salt, 64, CHEAP_SCRYPT, (err, derived) =>
        err ? reject(err) : resolve(derived),
      ),
    );
    const { N, r, p } = CHEAP_SCRYPT;
    return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  })();
  return cheapHash;
}

/** A user as an admin would add one (userSettings.createUser), written directly with a cheap password hash. */
export async function aUser(
  sql: Sql,
  role: Role,
  options: { skills?: string[]; teamIds?: string[]; name?: string } = {},
) {
  const email = `${role}-${suffix()}@example.com`;
  const passwordHash = await cheapTestPasswordHash();
  const id = await sql.begin(async (tx) => {
    const [{ id }] = await tx<{ id: string }[]>`
      insert into users (email, name, role, password_hash)
      values (${email}, ${options.name ?? `${role} ${suffix()}`}, ${role}, ${passwordHash}) returning id`;
    for (const skillId of await resolveSkillIds(tx, options.skills ?? []))
      await tx`insert into agent_skills (user_id, skill_id) values (${id}, ${skillId})`;
    for (const teamId of options.teamIds ?? [])
      await tx`insert into team_members (team_id, user_id) values (${teamId}, ${id})`;
    return id;
  });
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
