import { seedDemoArticles } from '../../knowledge-base/seed/seedDemoArticles';
import type { Sql } from '../db/client';
import { createBusinessHours, findSchedule, updateBusinessHours } from '../settings/businessHoursSettings';
import { queueInput, saveQueue } from '../settings/queueSettings';
import { createSkill } from '../settings/skillSettings';
import { createTeam } from '../settings/teamSettings';
import { createUser } from '../settings/userSettings';
import { seedDemoPhoneMenu } from './demoPhoneMenu';
import {
  DEMO_PASSWORD,
  demoAlwaysOpen,
  demoCustomers,
  demoOfficeHours,
  demoQueues,
  demoSkills,
  demoTeam,
  demoUsers,
  legacyDemoBusinessHours,
} from './demoData';

const SEED_NAME = 'demo';
/** Demos seeded before the demo queues were open around the clock get that, and the after-hours queue, once. */
const CALENDARS_SEED_NAME = 'demo-calendars';
/** The demo help center's articles, added once to new and existing demos alike. */
const KNOWLEDGE_SEED_NAME = 'demo-knowledge';
const SEED_LOCK_KEY = 72_410_002;

/**
 * Seeds the demo once per database: skills, a team, business hours (around the clock for the demo queues, office
 * hours for the after-hours demo queue), three queues, a phone menu leading to them, an admin, a supervisor,
 * three agents and a few customers. Each step skips what exists, so a run cut off halfway completes next time.
 * Returns false when the demo was already seeded.
 */
export async function seedDemo(sql: Sql): Promise<boolean> {
  const connection = await sql.reserve();
  try {
    await connection`select pg_advisory_lock(${SEED_LOCK_KEY})`;
    const done = new Set((await connection<{ name: string }[]>`select name from seed_runs`).map((run) => run.name));
    if (!done.has(KNOWLEDGE_SEED_NAME)) {
      await seedDemoArticles(sql, null);
      await connection`insert into seed_runs (name) values (${KNOWLEDGE_SEED_NAME})`;
    }
    if (!done.has(SEED_NAME)) {
      await seedSteps(sql);
      await connection`insert into seed_runs (name) values (${SEED_NAME}), (${CALENDARS_SEED_NAME})`;
      return true;
    }
    if (!done.has(CALENDARS_SEED_NAME)) {
      await calendarSteps(sql);
      await connection`insert into seed_runs (name) values (${CALENDARS_SEED_NAME})`;
    }
    return false;
  } finally {
    await connection`select pg_advisory_unlock(${SEED_LOCK_KEY})`.catch(() => {});
    connection.release();
  }
}

async function idByName(sql: Sql, table: 'skills' | 'teams' | 'queues' | 'business_hours', name: string) {
  const [row] = await sql<{ id: string }[]>`select id from ${sql(table)} where name = ${name}`;
  return row?.id ?? null;
}

async function ensureBusinessHours(sql: Sql, hours: typeof demoAlwaysOpen) {
  return (await idByName(sql, 'business_hours', hours.name)) ?? (await createBusinessHours(sql, hours, null));
}

async function ensureQueues(sql: Sql, teamId: string | null) {
  const hoursIds = {
    alwaysOpen: await ensureBusinessHours(sql, demoAlwaysOpen),
    office: await ensureBusinessHours(sql, demoOfficeHours(new Date())),
  };
  for (const q of demoQueues) {
    if (await idByName(sql, 'queues', q.name)) continue;
    const overflowQueueId = q.overflowTo ? await idByName(sql, 'queues', q.overflowTo) : null;
    const input = queueInput.parse({
      name: q.name,
      teamId,
      skills: q.skills,
      businessHoursId: hoursIds[q.hours],
      overflowQueueId,
      overflowAfterSeconds: overflowQueueId ? (q.overflowAfterSeconds ?? null) : null,
      entryForChannels: q.entryForChannels ?? [],
    });
    await saveQueue(sql, input, null);
  }
}

/**
 * The old demo calendar ("Weekdays 8–20" UTC, which closed the demo line every evening and weekend), if nobody has
 * changed it, is opened around the clock in place, so the queues that follow it stay open; then the after-hours
 * queue, its calendar and its menu key are added like in a fresh seed.
 */
async function calendarSteps(sql: Sql) {
  const legacyId = await idByName(sql, 'business_hours', legacyDemoBusinessHours.name);
  const legacy = legacyId ? await findSchedule(sql, legacyId) : null;
  const untouched =
    legacy &&
    legacy.timezone === legacyDemoBusinessHours.timezone &&
    legacy.holidays.length === 0 &&
    JSON.stringify(legacy.intervals) === JSON.stringify(legacyDemoBusinessHours.intervals) &&
    !(await idByName(sql, 'business_hours', demoAlwaysOpen.name));
  if (legacyId && untouched) await updateBusinessHours(sql, legacyId, demoAlwaysOpen, null);
  await ensureQueues(sql, await idByName(sql, 'teams', demoTeam.name));
  await seedDemoPhoneMenu(sql);
}

async function seedSteps(sql: Sql) {
  for (const skill of demoSkills) if (!(await idByName(sql, 'skills', skill.name))) await createSkill(sql, skill, null);
  const teamId = (await idByName(sql, 'teams', demoTeam.name)) ?? (await createTeam(sql, demoTeam, null));
  await ensureQueues(sql, teamId);
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
  await seedDemoPhoneMenu(sql);
}

export function demoSignInsText(consoleUrl: string) {
  const lines = demoUsers.map((u) => `  ${u.role.padEnd(10)} ${u.email.padEnd(24)} ${DEMO_PASSWORD}`);
  return `\nSwitchboard console: ${consoleUrl}\nDemo sign-ins (set SEED_DEMO=false to skip the demo):\n${lines.join('\n')}\n`;
}
