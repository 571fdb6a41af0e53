import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql } from '../db/client';
import { HttpError, notFound } from '../http/httpError';
import type { TagView } from '../http/ticketViewApiTypes';

// The tag list is kept by supervisors and admins; agents put existing tags on the tickets they may open.

const name = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(50, 'must be at most 50 characters')
  .refine((n) => !n.includes(','), 'must not contain a comma');
const color = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'must be a colour like #1f6feb')
  .nullable();

export const tagInput = z.object({ name, color: color.default(null) });
export const tagUpdate = z
  .object({ name, color })
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'give name or color');

async function mapNameTaken<T>(name: string | undefined, work: () => Promise<T>) {
  try {
    return await work();
  } catch (e) {
    if ((e as { code?: string }).code === '23505')
      throw new HttpError(409, 'name_taken', `A tag named ${name} already exists.`, [
        { path: 'name', message: 'is taken' },
      ]);
    throw e;
  }
}

export function createTag(sql: Sql, input: z.infer<typeof tagInput>, actorUserId: string): Promise<TagView> {
  return mapNameTaken(input.name, () =>
    sql.begin(async (tx) => {
      const [tag] = await tx<TagView[]>`
        insert into tags (name, color) values (${input.name}, ${input.color}) returning id, name, color`;
      await writeAudit(tx, {
        actorUserId,
        action: 'tag.created',
        entityType: 'tag',
        entityId: tag.id,
        data: { name: tag.name, color: tag.color },
      });
      return tag;
    }),
  );
}

/** Renames or recolours a tag; every ticket carrying it shows the change. */
export function updateTag(
  sql: Sql,
  id: string,
  input: z.infer<typeof tagUpdate>,
  actorUserId: string,
): Promise<TagView> {
  return mapNameTaken(input.name, () =>
    sql.begin(async (tx) => {
      const [before] = await tx<TagView[]>`select id, name, color from tags where id = ${id} for update`;
      if (!before) throw notFound('Tag');
      const [tag] = await tx<TagView[]>`
        update tags set name = ${input.name ?? before.name},
          color = ${input.color === undefined ? before.color : input.color}, updated_at = now()
        where id = ${id} returning id, name, color`;
      await writeAudit(tx, {
        actorUserId,
        action: 'tag.updated',
        entityType: 'tag',
        entityId: id,
        data: { from: { name: before.name, color: before.color }, to: { name: tag.name, color: tag.color } },
      });
      return tag;
    }),
  );
}

/**
 * Deletes a tag and takes it off every ticket. Its tickets are not each announced (a tag may be on thousands):
 * consoles re-read the tag list and their views when they change them.
 */
export function deleteTag(sql: Sql, id: string, actorUserId: string): Promise<void> {
  return sql.begin(async (tx) => {
    const [tag] = await tx<TagView[]>`select id, name, color from tags where id = ${id} for update`;
    if (!tag) throw notFound('Tag');
    const [{ count }] = await tx<{ count: number }[]>`
      with removed as (delete from ticket_tags where tag_id = ${id} returning 1) select count(*)::int from removed`;
    await tx`delete from tags where id = ${id}`;
    await writeAudit(tx, {
      actorUserId,
      action: 'tag.deleted',
      entityType: 'tag',
      entityId: id,
      data: { name: tag.name, ticketCount: count },
    });
  });
}
