import type { Sql } from '../db/client';
import { writeAudit } from '../commands/writeAudit';
import { defaultIvr, ivrSettingsInput } from '../voice/ivrSettings';
import { AFTER_HOURS_QUEUE, demoAfterHoursOption, demoMenuPrompt } from './demoData';

/**
 * The demo's phone line: the built-in menu plus key 3 to the after-hours demo queue, so a caller can hear a queue's
 * closed hours without waiting for the evening. Only where no admin has saved a phone line yet.
 */
export async function seedDemoPhoneMenu(sql: Sql) {
  const [saved] = await sql`select 1 from voice_settings`;
  if (saved) return;
  // The queue the built-in menu sends key 1 to, as loadIvr picks it.
  const [entry] = await sql<
    { id: string }[]
  >`select id from queues where 'voice' = any(entry_for_channels) order by name limit 1`;
  const [afterHours] = await sql<{ id: string }[]>`select id from queues where name = ${AFTER_HOURS_QUEUE}`;
  const [entryQueueId, afterHoursQueueId] = [entry?.id, afterHours?.id];
  if (!entryQueueId || !afterHoursQueueId) return;
  const ivr = defaultIvr(entryQueueId);
  const [main] = ivr.menus;
  main.prompt = demoMenuPrompt;
  main.options.push({ ...demoAfterHoursOption, action: { type: 'queue', queueId: afterHoursQueueId } });
  const checked = ivrSettingsInput.parse(ivr);
  await sql.begin(async (tx) => {
    const [row] =
      await tx`insert into voice_settings (ivr) values (${tx.json(checked as never)}) on conflict (id) do nothing returning 1`;
    if (row)
      await writeAudit(tx, {
        actorUserId: null,
        action: 'ivr.updated',
        entityType: 'settings',
        entityId: 'ivr',
        data: { menus: checked.menus.length },
      });
  });
}
