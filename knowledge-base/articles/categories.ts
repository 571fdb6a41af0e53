import type { KbLocale, KbQuery, KbSql } from '../db';
import { KnowledgeError } from '../knowledgeError';
import { visibleTo, type Audience } from './articleVisibility';

export interface CategoryInput {
  slug: string;
  position?: number;
  names: Partial<Record<KbLocale, { name: string; description?: string }>>;
}

export interface CategoryView {
  id: string;
  slug: string;
  position: number;
  names: Partial<Record<KbLocale, { name: string; description: string }>>;
  articleCount: number;
}

interface CategoryRow {
  id: string;
  slug: string;
  position: number;
  names: { locale: KbLocale; name: string; description: string }[] | null;
  articleCount: string;
}

/** Categories in their order, each with how many articles this audience sees in it (in this locale, if given). */
export async function listCategories(sql: KbSql, audience: Audience, locale?: KbLocale): Promise<CategoryView[]> {
  const rows = await sql<CategoryRow[]>`
    select c.id, c.slug, c.position,
      (select json_agg(json_build_object('locale', n.locale, 'name', n.name, 'description', n.description))
         from kb_category_names n where n.category_id = c.id) as names,
      (select count(*) from kb_articles a where a.category_id = c.id and ${visibleTo(sql, audience)}
         ${locale ? sql`and exists (select 1 from kb_article_variants v where v.article_id = a.id and v.locale = ${locale})` : sql``}
      ) as article_count
    from kb_categories c order by c.position, c.slug`;
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    position: r.position,
    names: Object.fromEntries((r.names ?? []).map((n) => [n.locale, { name: n.name, description: n.description }])),
    articleCount: Number(r.articleCount),
  }));
}

export async function findCategory(sql: KbSql, id: string, audience: Audience) {
  return (await listCategories(sql, audience)).find((c) => c.id === id) ?? null;
}

export async function createCategory(sql: KbSql, input: CategoryInput): Promise<string> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into kb_categories (slug, position) values (${input.slug}, ${input.position ?? 0})
      on conflict (slug) do nothing returning id`;
    if (!row) throw slugTaken(input.slug);
    await saveNames(tx, row.id, input.names);
    return row.id;
  });
}

export async function updateCategory(sql: KbSql, id: string, input: Partial<CategoryInput>) {
  await sql.begin(async (tx) => {
    const [row] = await tx`select 1 from kb_categories where id = ${id} for update`;
    if (!row) throw new KnowledgeError(404, 'not_found', 'Category not found.');
    if (input.slug !== undefined) {
      const [taken] = await tx`select 1 from kb_categories where slug = ${input.slug} and id <> ${id}`;
      if (taken) throw slugTaken(input.slug);
    }
    await tx`update kb_categories set slug = coalesce(${input.slug ?? null}, slug),
               position = coalesce(${input.position ?? null}, position), updated_at = now() where id = ${id}`;
    if (input.names) await saveNames(tx, id, input.names);
  });
}

async function saveNames(sql: KbQuery, id: string, names: CategoryInput['names']) {
  for (const [locale, n] of Object.entries(names))
    if (n)
      await sql`insert into kb_category_names (category_id, locale, name, description)
                values (${id}, ${locale}, ${n.name}, ${n.description ?? ''})
                on conflict (category_id, locale) do update set name = excluded.name, description = excluded.description`;
}

const slugTaken = (slug: string) =>
  new KnowledgeError(409, 'slug_taken', `Another category already has the slug ${JSON.stringify(slug)}.`, [
    { path: 'slug', message: 'is taken by another category' },
  ]);
