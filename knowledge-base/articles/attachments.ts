import type { KbQuery, KbSql, KbViewer } from '../db';
import { KnowledgeError } from '../knowledgeError';
import { visibleTo, type Audience } from './articleVisibility';
import { lockEditableArticle } from './editorRoles';

/** A file the server already stored (an upload), described by what the file store needs to serve it again. */
export interface StoredFile {
  filename: string;
  contentType: string;
  sizeBytes: number;
  location: string;
}

/** Attaches a stored file to an article; the same rule as editing it. */
export async function addAttachment(sql: KbSql, viewer: KbViewer, articleId: string, file: StoredFile) {
  return sql.begin(async (tx) => {
    await lockEditableArticle(tx, viewer, articleId);
    const [row] = await tx<{ id: string }[]>`
      insert into kb_attachments (article_id, filename, content_type, size_bytes, location, created_by)
      values (${articleId}, ${file.filename}, ${file.contentType}, ${file.sizeBytes}, ${file.location}, ${viewer.userId})
      returning id`;
    await tx`update kb_articles set updated_at = now() where id = ${articleId}`;
    return row.id;
  });
}

export async function removeAttachment(sql: KbSql, viewer: KbViewer, articleId: string, attachmentId: string) {
  await sql.begin(async (tx) => {
    await lockEditableArticle(tx, viewer, articleId);
    const [row] =
      await tx`delete from kb_attachments where id = ${attachmentId} and article_id = ${articleId} returning id`;
    if (!row) throw new KnowledgeError(404, 'not_found', 'Attachment not found.');
  });
}

/**
 * An attachment to serve, if its article is one this audience may read: the public only those of live articles (the
 * help center), agents internal ones too, writers every state (the editor's preview of a draft).
 */
export async function findAttachment(sql: KbQuery, attachmentId: string, audience: Audience) {
  const [row] = await sql<(StoredFile & { sizeBytes: string })[]>`
    select f.filename, f.content_type, f.size_bytes, f.location from kb_attachments f join kb_articles a on a.id = f.article_id
    where f.id = ${attachmentId} and ${visibleTo(sql, audience)}`;
  return row ? { ...row, sizeBytes: Number(row.sizeBytes) } : null;
}
