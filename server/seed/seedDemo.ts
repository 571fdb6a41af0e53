import type { Sql } from '../db/client';
import { createBusinessHours, saveQueue } from '../settings/queueSettings';
import { createSkill, createTeam } from '../settings/teamAndSkillSettings';
import { createUser } from '../settings/userSettings';
import {
  DEMO_PASSWORD,
  demoBusinessHours,
  demoCustomers,
  demoQueues,
  demoSkills,
  demoTeam,
  demoUsers,
} from './demoData';

const SEED_NAME = 'demo';
const SEED_LOCK_KEY = 72_410_002;

/**
 * Seeds the demo once per database: skills, a team, business hours, two queues, an admin, a supervisor,
 * three agents and a few customers. Each step skips what exists, so a run cut off halfway completes next time.
 * Returns false when the demo was already seeded.
 */
export async function seedDemo(sql: Sql): Promise<boolean> {
  const connection = await sql.reserve();
  try {
    await connection`select pg_advisory_lock(${SEED_LOCK_KEY})`;
    const [done] = await connection`select 1 from seed_runs where name = ${SEED_NAME}`;
    if (done) return false;
    await seedSteps(sql);
    await connection`insert into seed_runs (name) values (${SEED_NAME})`;
    return true;
  } finally {
    await connection`select pg_advisory_unlock(${SEED_LOCK_KEY})`.catch(() => {});
    connection.release();
  }
}

async function idByName(sql: Sql, table: 'skills' | 'teams' | 'queues' | 'business_hours', name: string) {
  const [row] = await sql<{ id: string }[]>`select id from ${sql(table)} where name = ${name}`;
  return row?.id ?? null;
}

async function seedSteps(sql: Sql) {
  for (const skill of demoSkills) if (!(await idByName(sql, 'skills', skill.name))) await createSkill(sql, skill, null);
  const teamId = (await idByName(sql, 'teams', demoTeam.name)) ?? (await createTeam(sql, demoTeam, null));
  const hoursId =
    (await idByName(sql, 'business_hours', demoBusinessHours.name)) ??
    (await createBusinessHours(sql, demoBusinessHours, null));
  for (const q of demoQueues) {
    if (await idByName(sql, 'queues', q.name)) continue;
    const overflowQueueId = q.overflowTo ? await idByName(sql, 'queues', q.overflowTo) : null;
    await saveQueue(
      sql,
      {
        name: q.name,
        teamId,
        skills: q.skills,
        businessHoursId: hoursId,
        overflowQueueId,
        overflowAfterSeconds: q.overflowAfterSeconds ?? null,
        entryForChannels: q.entryForChannels ?? [],
        blendWithCalls: false,
      },
      null,
    );
  }
  for (const u of demoUsers) {
    const [exists] = await sql`select 1 from users where email = ${u.email}`;
    if (exists) continue;
    await createUser(
      sql,
      { ...u, password: DEMO_PASSWORD, teamIds: u.role === 'admin' ? [] : [teamId], capacity: {} },
      null,
    );
  }
  for (const c of demoCustomers) {
    const [exists] = await sql`select 1 from customer_identities where kind = 'phone' and value = ${c.phone}`;
    if (exists) continue;
    await sql.begin(async (tx) => {
      const [{ id }] = await tx<
        { id: string }[]
      >`insert into customers (name, company, tags) values (${c.name}, ${c.company}, ${c.tags}) returning id`;
      await tx`insert into customer_identities (customer_id, kind, value) values (${id}, 'phone', ${c.phone}), (${id}, 'email', ${c.email})`;
    });
  }
}

export function demoSignInsText(consoleUrl: string) {
  const lines = demoUsers.map((u) => `  ${u.role.padEnd(10)} ${u.email.padEnd(24)} ${DEMO_PASSWORD}`);
  return `\nSwitchboard console: ${consoleUrl}\nDemo sign-ins (set SEED_DEMO=false to skip the demo):\n${lines.join('\n')}\n`;
}
