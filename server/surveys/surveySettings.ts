import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import { LOCALES } from '../http/apiTypes';
import { HttpError } from '../http/httpError';
import {
  LOW_SCORE_ACTIONS,
  SURVEY_CHANNEL_CHOICES,
  SURVEY_SCALES,
  VOICE_SURVEY_MODES,
  type QueueSurveySettings,
  type SurveySettingsInput,
} from '../http/surveyApiTypes';
import { changedFields } from '../settings/auditChanges';
import { defaultSurveyMessages } from './surveyMessages';
import { SCALE_RANGE } from './surveyScales';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const messages = z.object({
  question: text(500).min(1, 'must not be empty'),
  secondQuestion: text(500),
  commentPrompt: text(500),
  thanks: text(500),
});

/** What an admin sets per queue. A score threshold must lie on the chosen scale. */
export const surveySettingsInput = z
  .object({
    channel: z.enum(SURVEY_CHANNEL_CHOICES),
    delayMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 14),
    voiceMode: z.enum(VOICE_SURVEY_MODES),
    scale: z.enum(SURVEY_SCALES),
    askComment: z.boolean(),
    askSecondQuestion: z.boolean(),
    messages: z.object(
      Object.fromEntries(LOCALES.map((l) => [l, messages])) as Record<(typeof LOCALES)[number], typeof messages>,
    ),
    throttleDays: z.number().int().min(0).max(365),
    expiryHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
    lowScoreThreshold: z.number().int(),
    lowScoreAction: z.enum(LOW_SCORE_ACTIONS),
  })
  .superRefine((s, issue) => {
    const { min, max } = SCALE_RANGE[s.scale];
    if (s.lowScoreThreshold < min || s.lowScoreThreshold >= max)
      issue.addIssue({
        code: 'custom',
        path: ['lowScoreThreshold'],
        message: `must be from ${min} to ${max - 1} on the ${s.scale} scale`,
      });
    for (const locale of LOCALES) {
      if (s.askSecondQuestion && !s.messages[locale].secondQuestion)
        issue.addIssue({
          code: 'custom',
          path: ['messages', locale, 'secondQuestion'],
          message: 'must not be empty when the second question is asked',
        });
    }
  });

/** A queue nobody has set up: no survey on resolve, no keypad survey; the rest are sensible starting values. */
export function defaultSurveySettings(): SurveySettingsInput {
  return {
    channel: 'off',
    delayMinutes: 60,
    voiceMode: 'off',
    scale: 'csat',
    askComment: true,
    askSecondQuestion: false,
    messages: defaultSurveyMessages('csat'),
    throttleDays: 7,
    expiryHours: 72,
    lowScoreThreshold: SCALE_RANGE.csat.defaultLow,
    lowScoreAction: 'callback',
  };
}

/** A queue's settings as stored (a stored document that no longer validates falls back to the defaults, never a 500). */
export async function loadSurveySettings(sql: Sql | TransactionSql, queueId: string): Promise<SurveySettingsInput> {
  const [row] = await sql<{ settings: unknown }[]>`select settings from survey_settings where queue_id = ${queueId}`;
  return parseSurveySettings(row?.settings);
}

/** A queue's stored settings as they apply: the defaults where none are saved (or what is saved no longer parses). */
export function parseSurveySettings(stored: unknown): SurveySettingsInput {
  const parsed = stored == null ? null : surveySettingsInput.safeParse(stored);
  return parsed?.success ? parsed.data : defaultSurveySettings();
}

export async function listSurveySettings(sql: Sql): Promise<QueueSurveySettings[]> {
  const rows = await sql<{ id: string; name: string; settings: unknown }[]>`
    select q.id, q.name, s.settings from queues q left join survey_settings s on s.queue_id = q.id order by q.name`;
  return rows.map((r) => ({ queueId: r.id, queueName: r.name, ...parseSurveySettings(r.settings) }));
}

/** Saves a queue's settings (404 for no such queue), audited on the queue with what changed. */
export async function saveSurveySettings(
  sql: Sql,
  queueId: string,
  input: SurveySettingsInput,
  actorUserId: string,
): Promise<QueueSurveySettings> {
  return sql.begin(async (tx) => {
    const [queue] = await tx<{ name: string }[]>`select name from queues where id = ${queueId} for update`;
    if (!queue) throw new HttpError(404, 'not_found', 'Queue not found.');
    const before = await loadSurveySettings(tx, queueId);
    await tx`
      insert into survey_settings (queue_id, settings, updated_by) values (${queueId}, ${tx.json(input as never)}, ${actorUserId})
      on conflict (queue_id) do update set settings = excluded.settings, updated_by = excluded.updated_by, updated_at = now()`;
    await writeAudit(tx, {
      actorUserId,
      action: 'queue.survey_settings_changed',
      entityType: 'queue',
      entityId: queueId,
      data: { changes: changedFields(before, input) },
    });
    return { queueId, queueName: queue.name, ...input };
  }) as Promise<QueueSurveySettings>;
}
