import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql } from '../db/client';
import { HttpError } from '../http/httpError';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const ivrAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('queue'), queueId: z.uuid() }),
  z.object({ type: z.literal('submenu'), menuId: z.string().min(1) }),
  /** Leave a message; it becomes a ticket in this queue (or the voicemail queue). */
  z.object({ type: z.literal('voicemail'), queueId: z.uuid().nullable().default(null) }),
  /** Ask to be called back from this queue without waiting on the line. */
  z.object({ type: z.literal('callback'), queueId: z.uuid() }),
]);
export type IvrAction = z.infer<typeof ivrAction>;

export const ivrOption = z.object({
  key: z.string().regex(/^[0-9*#]$/, 'must be one key: 0-9, * or #'),
  /** Spoken words that choose this option too (matched case-insensitively). */
  words: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  label: text(80),
  action: ivrAction,
});

export const ivrMenu = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes'),
  prompt: text(1000),
  options: z.array(ivrOption).min(1, 'needs at least one option').max(12),
});
export type IvrMenu = z.infer<typeof ivrMenu>;

export const ivrSettingsInput = z.object({
  /** The company line's hours; null = always open. */
  businessHoursId: z.uuid().nullable(),
  /** The language <Say> speaks, as Twilio names it. */
  language: z.enum(['en-US', 'en-GB', 'zh-CN']),
  greeting: text(1000),
  closedMessage: text(1000),
  voicemailPrompt: text(1000),
  /** Where voicemail becomes a ticket when the option names no queue; null = the voice entry queue. */
  voicemailQueueId: z.uuid().nullable(),
  holdMessage: text(1000),
  /** Audio played while waiting; without it, the hold message is spoken between pauses. */
  holdMusicUrl: z.url({ protocol: /^https?$/ }).nullable(),
  /** Pressed while waiting in a queue: leave the line and be called back, keeping one's place. */
  callbackKey: z.string().regex(/^[0-9*#]$/, 'must be one key: 0-9, * or #'),
  rootMenuId: z.string().min(1),
  menus: z.array(ivrMenu).min(1).max(30),
});
export type IvrSettings = z.infer<typeof ivrSettingsInput>;

/** What a new deployment answers with until an admin edits it: greeting, then every caller to the voice entry queue. */
export function defaultIvr(entryQueueId: string | null): IvrSettings {
  const action: IvrAction = entryQueueId
    ? { type: 'queue', queueId: entryQueueId }
    : { type: 'voicemail', queueId: null };
  return {
    businessHoursId: null,
    language: 'en-US',
    greeting: 'Thank you for calling.',
    closedMessage: 'We are closed right now.',
    voicemailPrompt: 'Please leave a message after the tone, then press the pound key.',
    voicemailQueueId: null,
    holdMessage: 'All our agents are busy. Please stay on the line.',
    holdMusicUrl: null,
    callbackKey: '*',
    rootMenuId: 'main',
    menus: [
      {
        id: 'main',
        prompt: 'To speak to an agent, press 1. To leave a message, press 2.',
        options: [
          { key: '1', words: ['agent', 'support'], label: 'Agent', action },
          {
            key: '2',
            words: ['message', 'voicemail'],
            label: 'Voicemail',
            action: { type: 'voicemail', queueId: null },
          },
        ],
      },
    ],
  };
}

/** The checks zod cannot make alone: menus that exist, keys and words chosen once per menu, queues and hours that exist. */
async function checkReferences(sql: Sql, ivr: IvrSettings) {
  const problems: { path: string; message: string }[] = [];
  const menuIds = new Set<string>();
  ivr.menus.forEach((m, i) => {
    if (menuIds.has(m.id)) problems.push({ path: `menus.${i}.id`, message: `menu "${m.id}" is defined twice` });
    menuIds.add(m.id);
  });
  if (!menuIds.has(ivr.rootMenuId)) problems.push({ path: 'rootMenuId', message: `no menu "${ivr.rootMenuId}"` });
  const queueIds = new Set<string>([ivr.voicemailQueueId].filter((q): q is string => q !== null));
  ivr.menus.forEach((m, i) => {
    const keys = new Set<string>();
    const words = new Set<string>();
    m.options.forEach((o, j) => {
      const at = `menus.${i}.options.${j}`;
      if (keys.has(o.key))
        problems.push({ path: `${at}.key`, message: `key ${o.key} is used twice in menu "${m.id}"` });
      keys.add(o.key);
      for (const w of o.words) {
        if (words.has(w.toLowerCase()))
          problems.push({ path: `${at}.words`, message: `"${w}" is used twice in menu "${m.id}"` });
        words.add(w.toLowerCase());
      }
      if (o.action.type === 'submenu' && !menuIds.has(o.action.menuId))
        problems.push({ path: `${at}.action.menuId`, message: `no menu "${o.action.menuId}"` });
      if ('queueId' in o.action && o.action.queueId) queueIds.add(o.action.queueId);
    });
  });
  if (queueIds.size) {
    const found = new Set(
      (await sql<{ id: string }[]>`select id from queues where id = any(${[...queueIds]}::uuid[])`).map((r) => r.id),
    );
    for (const q of queueIds) if (!found.has(q)) problems.push({ path: 'menus', message: `queue ${q} does not exist` });
  }
  if (ivr.businessHoursId) {
    const [hours] = await sql`select 1 from business_hours where id = ${ivr.businessHoursId}`;
    if (!hours) problems.push({ path: 'businessHoursId', message: 'these business hours do not exist' });
  }
  if (problems.length)
    throw new HttpError(400, 'invalid_input', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
}

export async function loadIvr(sql: Sql): Promise<IvrSettings> {
  const [row] = await sql<{ ivr: IvrSettings }[]>`select ivr from voice_settings`;
  if (row) return ivrSettingsInput.parse(row.ivr);
  const [entry] = await sql<
    { id: string }[]
  >`select id from queues where 'voice' = any(entry_for_channels) order by name limit 1`;
  return defaultIvr(entry?.id ?? null);
}

export async function saveIvr(sql: Sql, ivr: IvrSettings, actorUserId: string) {
  await checkReferences(sql, ivr);
  await sql.begin(async (tx) => {
    await tx`
      insert into voice_settings (ivr, updated_by) values (${tx.json(ivr as never)}, ${actorUserId})
      on conflict (id) do update set ivr = excluded.ivr, updated_by = excluded.updated_by, updated_at = now()`;
    await writeAudit(tx, {
      actorUserId,
      action: 'ivr.updated',
      entityType: 'settings',
      entityId: 'ivr',
      data: { menus: ivr.menus.length },
    });
  });
}
