import { diffLines, diffWordsWithSpace, type Change } from 'diff';
import type { KbLocale, KbQuery } from '../db';
import { KnowledgeError } from '../knowledgeError';

export interface RevisionView {
  id: string;
  locale: KbLocale;
  title: string;
  body: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  restoredFromId: string | null;
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

interface RevisionRow extends Omit<RevisionView, 'createdAt' | 'id' | 'restoredFromId'> {
  id: string | number;
  restoredFromId: string | number | null;
  createdAt: Date;
}

const revisionColumns = (sql: KbQuery) => sql`
  r.id, r.locale, r.title, r.body, r.created_at, r.restored_from_id,
  (select json_build_object('id', u.id, 'name', u.name) from users u where u.id = r.author_user_id) as author`;

/** Every save of an article (in one locale, if given), newest first. */
export async function listRevisions(sql: KbQuery, articleId: string, locale?: KbLocale): Promise<RevisionView[]> {
  const rows = await sql<RevisionRow[]>`
    select ${revisionColumns(sql)} from kb_revisions r
    where r.article_id = ${articleId} ${locale ? sql`and r.locale = ${locale}` : sql``}
    order by r.id desc`;
  return rows.map(toView);
}

/**
 * What changed from one revision to another: the title word by word, the body line by line. Without `againstId`,
 * from the save before it in the same locale (the first save is all added).
 */
export async function diffRevisions(sql: KbQuery, articleId: string, revisionId: string, againstId?: string) {
  const [to] = await sql<RevisionRow[]>`
    select ${revisionColumns(sql)} from kb_revisions r where r.id = ${revisionId} and r.article_id = ${articleId}`;
  if (!to) throw new KnowledgeError(404, 'not_found', 'Revision not found.');
  const [from] = againstId
    ? await sql<RevisionRow[]>`
        select ${revisionColumns(sql)} from kb_revisions r where r.id = ${againstId} and r.article_id = ${articleId}`
    : await sql<RevisionRow[]>`
        select ${revisionColumns(sql)} from kb_revisions r
        where r.article_id = ${articleId} and r.locale = ${to.locale} and r.id < ${to.id} order by r.id desc limit 1`;
  if (againstId && !from) throw new KnowledgeError(404, 'not_found', 'Revision to compare with not found.');
  return {
    from: from ? toView(from) : null,
    to: toView(to),
    title: parts(diffWordsWithSpace(from?.title ?? '', to.title)),
    body: parts(diffLines(from?.body ?? '', to.body)),
  };
}

const parts = (changes: Change[]): DiffPart[] =>
  changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));

const toView = (row: RevisionRow): RevisionView => ({
  ...row,
  id: String(row.id),
  restoredFromId: row.restoredFromId === null ? null : String(row.restoredFromId),
  createdAt: row.createdAt.toISOString(),
});
