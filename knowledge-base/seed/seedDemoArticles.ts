import { createCategory } from '../articles/categories';
import { saveVariant } from '../articles/saveVariant';
import type { KbSql } from '../db';
import { demoArticles, demoCategories } from './demoArticles';

/** Adds the demo categories and articles, published (or internal) at once; categories already there are kept. */
export async function seedDemoArticles(sql: KbSql, authorId: string | null) {
  const ids = new Map<string, string>();
  for (const c of demoCategories) {
    const [existing] = await sql<{ id: string }[]>`select id from kb_categories where slug = ${c.slug}`;
    ids.set(c.slug, existing?.id ?? (await createCategory(sql, c)));
  }
  for (const a of demoArticles) {
    await sql.begin(async (tx) => {
      const [{ id }] = await tx<{ id: string }[]>`
        insert into kb_articles (category_id, state, publish_at, tags, created_by)
        values (${ids.get(a.category)!}, ${a.state}, ${a.state === 'published' ? new Date() : null}, ${a.tags}, ${authorId})
        returning id`;
      for (const [locale, v] of Object.entries(a.variants))
        await saveVariant(tx, id, { locale: locale as keyof typeof a.variants, ...v }, authorId);
    });
  }
}
