import { z } from 'zod';
import type { SessionUser } from '../auth/sessions';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import { LOCALES } from '../http/apiTypes';
import { forbidden, HttpError, notFound } from '../http/httpError';
import { TEMPLATE_SCOPES, type TemplateView } from '../http/templateApiTypes';
import { keywordWords } from '../search/keywordWords';
import { keepableTemplateExpression, mayCreateIn, usableTemplatesCondition } from './templateAccess';
import { findUsableTemplate } from './templateQueries';
import { TEMPLATE_VARIABLES, unknownVariables, withoutVariables } from './templateText';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

const variant = z.object({
  locale: z.enum(LOCALES),
  body: z
    .string()
    .min(1, 'is required')
    .max(20_000, 'is too long (20,000 characters at most)')
    .superRefine((body, ctx) => {
      const unknown = unknownVariables(body);
      if (unknown.length)
        ctx.addIssue({
          code: 'custom',
          message: `names unknown variables (${unknown.map((v) => `{{${v}}}`).join(', ')}); known: ${TEMPLATE_VARIABLES.join(', ')}`,
        });
    }),
});

const fields = {
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  // Typed as `/refund` in the composer; stored without the slash.
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .transform((s) => s.replace(/^\//, ''))
    .pipe(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be letters, digits, - or _ (40 at most)'))
    .nullable(),
  keywords: z
    .array(z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'))
    .max(30, 'at most 30 keywords'),
  variants: z
    .array(variant)
    .min(1, 'give at least one language')
    .refine((vs) => new Set(vs.map((v) => v.locale)).size === vs.length, 'give each language once'),
};

export const templateInput = z
  .object({
    ...fields,
    shortcut: fields.shortcut.default(null),
    keywords: fields.keywords.default([]),
    scope: z.enum(TEMPLATE_SCOPES),
    teamId: z.uuid('must be a UUID').nullable().default(null),
  })
  .refine((t) => (t.scope === 'team') === (t.teamId !== null), {
    message: 'is required for a team template, and only for one',
    path: ['teamId'],
  });

// Scope and team stay as created; variants given replace all of them.
export const templateUpdate = z
  .object(fields)
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'give at least one of name, shortcut, keywords, variants');

type Variants = z.infer<typeof fields.variants>;

/** The words suggestions match on: the keywords and name (weighted), and the bodies without their variables. */
const matchWords = (name: string, keywords: string[], variants: Variants) => ({
  keywordWords: keywordWords(name, ...keywords),
  bodyWords: keywordWords(...variants.map((v) => withoutVariables(v.body))),
});

async function mapShortcutTaken<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (e) {
    if ((e as { code?: string }).code === '23505')
      throw new HttpError(409, 'shortcut_taken', 'Another template of the same owner has this shortcut.', [
        { path: 'shortcut', message: 'is taken' },
      ]);
    throw e;
  }
}

async function replaceVariants(tx: TransactionSql, templateId: string, variants: Variants) {
  await tx`delete from reply_template_variants where template_id = ${templateId}`;
  await tx`insert into reply_template_variants ${tx(variants.map((v) => ({ template_id: templateId, locale: v.locale, body: v.body })))}`;
}

export async function createTemplate(
  sql: Sql,
  viewer: Viewer,
  input: z.infer<typeof templateInput>,
): Promise<TemplateView> {
  if (input.teamId) {
    const [team] = await sql`select 1 from teams where id = ${input.teamId}`;
    if (!team)
      throw new HttpError(400, 'invalid_input', 'No such team.', [{ path: 'teamId', message: 'no such team' }]);
  }
  if (!(await mayCreateIn(sql, viewer, input.scope, input.teamId))) throw forbidden();
  const words = matchWords(input.name, input.keywords, input.variants);
  const id = await mapShortcutTaken(() =>
    sql.begin(async (tx) => {
      const [{ id }] = await tx<{ id: string }[]>`
        insert into reply_templates (scope, owner_user_id, team_id, name, shortcut, keywords, keyword_words, body_words, created_by_user_id)
        values (${input.scope}, ${input.scope === 'personal' ? viewer.userId : null}, ${input.teamId}, ${input.name},
                ${input.shortcut}, ${input.keywords}, ${words.keywordWords}, ${words.bodyWords}, ${viewer.userId})
        returning id`;
      await replaceVariants(tx, id, input.variants);
      await writeAudit(tx, {
        actorUserId: viewer.userId,
        action: 'template.created',
        entityType: 'reply_template',
        entityId: id,
        data: { scope: input.scope, teamId: input.teamId, name: input.name },
      });
      return id;
    }),
  );
  return (await findUsableTemplate(sql, viewer, id))!;
}

/** Locks a template the viewer may keep: 404 if they may not even use it, 403 if they only use it. */
async function lockKeepable(tx: TransactionSql, viewer: Viewer, id: string) {
  const [row] = await tx<{ name: string; shortcut: string | null; keywords: string[]; canEdit: boolean }[]>`
    select rt.name, rt.shortcut, rt.keywords, ${keepableTemplateExpression(tx, viewer)} as can_edit
    from reply_templates rt where rt.id = ${id} and ${usableTemplatesCondition(tx, viewer)} for update`;
  if (!row) throw notFound('Template');
  if (!row.canEdit) throw forbidden();
  return row;
}

export async function updateTemplate(
  sql: Sql,
  viewer: Viewer,
  id: string,
  changes: z.infer<typeof templateUpdate>,
): Promise<TemplateView> {
  await mapShortcutTaken(() =>
    sql.begin(async (tx) => {
      const before = await lockKeepable(tx, viewer, id);
      if (changes.variants) await replaceVariants(tx, id, changes.variants);
      const name = changes.name ?? before.name;
      const keywords = changes.keywords ?? before.keywords;
      const variants = await tx<Variants>`select locale, body from reply_template_variants where template_id = ${id}`;
      const words = matchWords(name, keywords, variants);
      await tx`
        update reply_templates set name = ${name}, keywords = ${keywords},
          shortcut = ${changes.shortcut === undefined ? before.shortcut : changes.shortcut},
          keyword_words = ${words.keywordWords}, body_words = ${words.bodyWords}, updated_at = now()
        where id = ${id}`;
      await writeAudit(tx, {
        actorUserId: viewer.userId,
        action: 'template.updated',
        entityType: 'reply_template',
        entityId: id,
        data: { changed: Object.keys(changes) },
      });
    }),
  );
  return (await findUsableTemplate(sql, viewer, id))!;
}

export async function deleteTemplate(sql: Sql, viewer: Viewer, id: string) {
  await sql.begin(async (tx) => {
    const before = await lockKeepable(tx, viewer, id);
    await tx`delete from reply_templates where id = ${id}`;
    await writeAudit(tx, {
      actorUserId: viewer.userId,
      action: 'template.deleted',
      entityType: 'reply_template',
      entityId: id,
      data: { name: before.name },
    });
  });
}
