import { z } from 'zod';
import {
  changeArticleState,
  createArticle,
  restoreRevision,
  updateArticle,
} from '../../../knowledge-base/articles/articleCommands';
import { findArticle, listArticles } from '../../../knowledge-base/articles/articleQueries';
import { addAttachment, findAttachment, removeAttachment } from '../../../knowledge-base/articles/attachments';
import {
  createCategory,
  findCategory,
  listCategories,
  updateCategory,
} from '../../../knowledge-base/articles/categories';
import {
  audienceOf,
  knowledgePermissions,
  listEditors,
  requireApprover,
  requireWriter,
  setEditorRole,
} from '../../../knowledge-base/articles/editorRoles';
import { diffRevisions, listRevisions } from '../../../knowledge-base/articles/revisions';
import { KnowledgeError } from '../../../knowledge-base/knowledgeError';
import { renderMarkdown } from '../../../knowledge-base/markdown/renderMarkdown';
import { searchArticles } from '../../../knowledge-base/search/searchArticles';
import { insertArticle } from '../../../knowledge-base/usage/insertArticle';
import { knowledgeStats } from '../../../knowledge-base/usage/knowledgeStats';
import { logSuggestionsShown, suggestArticles } from '../../../knowledge-base/usage/suggestArticles';
import { requireVisibleTicket } from '../../auth/ticketAccess';
import type { SessionUser } from '../../auth/sessions';
import type { AppContext } from '../../context';
import { LOCALES } from '../apiTypes';
import { HttpError, notFound } from '../httpError';
import { presentArticleHit, presentArticleSuggestion } from '../presentArticleHit';
import { sendArticleFile } from '../sendArticleFile';
import {
  KNOWLEDGE_EDITOR_ROLES,
  KNOWLEDGE_STATES,
  type ArticleSuggestionsResponse,
  type KnowledgeArticleView,
} from '../knowledgeApiTypes';
import { ADMINS, ANY_ROLE, route, SUPERVISORS } from '../route';
import { idParams } from '../validate';
import { articleInput, articleUpdate, categoryInput, statsQuery } from './knowledgeSchemas';

// The knowledge base decides who may write and publish (knowledge-base/articles/editorRoles.ts); these routes only
// let signed-in staff in, validate, and turn its refusals into HTTP errors.
const kb = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    if (err instanceof KnowledgeError) throw new HttpError(err.status, err.code, err.message, err.fields);
    throw err;
  }
};

const withRevision = idParams.extend({ revisionId: z.string().regex(/^\d{1,18}$/, 'must be a revision id') });
const absolute = (ctx: AppContext, path: string) => `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}${path}`;

async function articleFor(ctx: AppContext, session: SessionUser, id: string): Promise<KnowledgeArticleView> {
  const article = await findArticle(ctx.sql, await audienceOf(ctx.sql, session), id);
  if (!article) throw notFound('Article');
  return {
    ...article,
    variants: article.variants.map((v) => ({ ...v, publicUrl: absolute(ctx, v.publicUrl) })),
  };
}

/** The words an article suggestion is searched with: the ticket's subject and the customer's last message. */
export async function ticketSuggestionText(ctx: AppContext, ticketId: string) {
  const [row] = await ctx.sql<{ subject: string | null; lastCustomerMessage: string | null }[]>`
    select t.subject,
      (select m.body_text from messages m where m.ticket_id = t.id and m.direction = 'inbound'
       order by m.created_at desc, m.id desc limit 1) as last_customer_message
    from tickets t where t.id = ${ticketId}`;
  return { ticketId, subject: row?.subject ?? null, lastCustomerMessage: row?.lastCustomerMessage ?? null };
}

export const knowledgeRoutes = [
  route({
    method: 'get',
    path: '/api/knowledge/permissions',
    access: ANY_ROLE,
    summary: 'Whether you may write knowledge base articles, publish them, and grant those rights (admins).',
    async handler({ ctx, session }) {
      return knowledgePermissions(ctx.sql, session);
    },
  }),
  route({
    method: 'get',
    path: '/api/knowledge/categories',
    access: ANY_ROLE,
    summary:
      'Knowledge base categories in their order, each with a name per locale and how many articles you see in it.',
    async handler({ ctx, session }) {
      return { categories: await listCategories(ctx.sql, await audienceOf(ctx.sql, session)) };
    },
  }),
  route({
    method: 'post',
    path: '/api/knowledge/categories',
    access: ANY_ROLE,
    summary: 'Add a knowledge base category (approvers): slug (used in help center URLs), position, names per locale.',
    body: categoryInput,
    async handler({ ctx, body, res, session }) {
      return kb(async () => {
        await requireApprover(ctx.sql, session);
        const id = await createCategory(ctx.sql, body);
        res.status(201);
        return { category: await findCategory(ctx.sql, id, 'editor') };
      });
    },
  }),
  route({
    method: 'patch',
    path: '/api/knowledge/categories/:id',
    access: ANY_ROLE,
    summary: 'Change a knowledge base category (approvers): slug, position, names (the locales given).',
    params: idParams,
    body: categoryInput.partial(),
    async handler({ ctx, params: { id }, body, session }) {
      return kb(async () => {
        if (!(await findCategory(ctx.sql, id, 'editor'))) throw notFound('Category');
        await requireApprover(ctx.sql, session);
        await updateCategory(ctx.sql, id, body);
        return { category: await findCategory(ctx.sql, id, 'editor') };
      });
    },
  }),
  route({
    method: 'get',
    path: '/api/knowledge/articles',
    access: ANY_ROLE,
    summary:
      'Knowledge base articles you may read (agents: internal and live published ones; writers and approvers: every state), newest change first; with q, those matching it, best first.',
    query: z.object({
      q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
      state: z.enum(KNOWLEDGE_STATES).optional(),
      categoryId: z.uuid('must be a UUID').optional(),
      tag: z.string().trim().max(50, 'must be at most 50 characters').optional(),
      locale: z.enum(LOCALES).optional(),
      limit: z.coerce.number('must be a number').int('must be a whole number').min(1).max(200).default(50),
    }),
    async handler({ ctx, query, session }) {
      return { articles: await listArticles(ctx.sql, await audienceOf(ctx.sql, session), query) };
    },
  }),
  route({
    method: 'post',
    path: '/api/knowledge/articles',
    access: ANY_ROLE,
    summary:
      'Write a knowledge base article (writers and approvers): a draft with a category, tags and a title and Markdown body per locale (en, zh-CN); each locale’s first revision is recorded.',
    body: articleInput,
    async handler({ ctx, body, res, session }) {
      const id = await kb(() => createArticle(ctx.sql, session, body));
      res.status(201);
      return { article: await articleFor(ctx, session, id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/knowledge/articles/:id',
    access: ANY_ROLE,
    summary: 'One knowledge base article you may read, with every locale and its attachments.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      return { article: await articleFor(ctx, session, id) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/knowledge/articles/:id',
    access: ANY_ROLE,
    summary:
      'Save changes to an article: category, tags, and the locales given (each changed one is a new revision by you). Writers change drafts; approvers any article.',
    params: idParams,
    body: articleUpdate,
    async handler({ ctx, params: { id }, body, session }) {
      await kb(() => updateArticle(ctx.sql, session, id, body));
      return { article: await articleFor(ctx, session, id) };
    },
  }),
  route({
    method: 'post',
    path: '/api/knowledge/articles/:id/state',
    access: ANY_ROLE,
    summary:
      'Move an article to draft, internal (agents only), published (the help center too; a future publishAt schedules it) or archived. Approvers only.',
    params: idParams,
    body: z.object({
      state: z.enum(KNOWLEDGE_STATES),
      publishAt: z.iso.datetime({ offset: true, message: 'must be an ISO date and time' }).nullable().optional(),
    }),
    async handler({ ctx, params: { id }, body, session }) {
      await kb(() =>
        changeArticleState(ctx.sql, session, id, {
          state: body.state,
          publishAt: body.publishAt ? new Date(body.publishAt) : null,
        }),
      );
      return { article: await articleFor(ctx, session, id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/knowledge/articles/:id/revisions',
    access: ANY_ROLE,
    summary:
      'Every save of an article (in one locale, if given), newest first, with author and time. Writers and approvers.',
    params: idParams,
    query: z.object({ locale: z.enum(LOCALES).optional() }),
    async handler({ ctx, params: { id }, query, session }) {
      return kb(async () => {
        if (!(await findArticle(ctx.sql, 'editor', id))) throw notFound('Article');
        await requireWriter(ctx.sql, session);
        return { revisions: await listRevisions(ctx.sql, id, query.locale) };
      });
    },
  }),
  route({
    method: 'get',
    path: '/api/knowledge/articles/:id/revisions/:revisionId/diff',
    access: ANY_ROLE,
    summary:
      'What a revision changed: its title word by word and body line by line, against the revision `against` or else the save before it. Writers and approvers.',
    params: withRevision,
    query: z.object({
      against: z
        .string()
        .regex(/^\d{1,18}$/, 'must be a revision id')
        .optional(),
    }),
    async handler({ ctx, params, query, session }) {
      return kb(async () => {
        const diff = await diffRevisions(ctx.sql, params.id, params.revisionId, query.against);
        await requireWriter(ctx.sql, session);
        return diff;
      });
    },
  }),
  route({
    method: 'post',
    path: '/api/knowledge/articles/:id/revisions/:revisionId/restore',
    access: ANY_ROLE,
    summary: 'Restore a revision’s title and body, saved as a new revision (nothing of the history is lost).',
    params: withRevision,
    async handler({ ctx, params, session }) {
      await kb(() => restoreRevision(ctx.sql, session, params.id, params.revisionId));
      return { article: await articleFor(ctx, session, params.id) };
    },
  }),
  route({
    method: 'post',
    path: '/api/knowledge/articles/:id/attachments',
    access: ANY_ROLE,
    summary:
      'Attach one of your uploads (POST /api/uploads first) to an article you may change; an image is shown in the body with ![alt](its url).',
    params: idParams,
    body: z.object({ uploadId: z.uuid('must be the id of one of your uploads') }),
    async handler({ ctx, params: { id }, body, res, session }) {
      const [upload] = await ctx.sql<{ filename: string; contentType: string; sizeBytes: string; location: string }[]>`
        select filename, content_type, size_bytes, location from uploads
        where id = ${body.uploadId} and uploader_id = ${session.userId}`;
      if (!upload)
        throw new HttpError(400, 'invalid_input', 'Invalid uploadId: must be the id of one of your uploads', [
          { path: 'uploadId', message: 'must be the id of one of your uploads' },
        ]);
      const attachmentId = await kb(() =>
        addAttachment(ctx.sql, session, id, { ...upload, sizeBytes: Number(upload.sizeBytes) }),
      );
      const article = await articleFor(ctx, session, id);
      res.status(201);
      return { attachment: article.attachments.find((a) => a.id === attachmentId) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/knowledge/articles/:id/attachments/:attachmentId',
    access: ANY_ROLE,
    summary: 'Remove an attachment from an article you may change.',
    params: idParams.extend({ attachmentId: z.uuid('must be a UUID') }),
    async handler({ ctx, params, session }) {
      await kb(() => removeAttachment(ctx.sql, session, params.id, params.attachmentId));
    },
  }),
  route({
    method: 'get',
    path: '/api/knowledge/attachments/:id',
    access: ANY_ROLE,
    summary:
      'An attachment of an article you may read, drafts and internal ones included for those who may see them (the editor’s preview; the help center’s /help/files serves live articles’ only). Range answered 206; raster images inline, other files as downloads.',
    params: idParams,
    async handler({ ctx, params: { id }, req, res, session }) {
      const file = await findAttachment(ctx.sql, id, await audienceOf(ctx.sql, session));
      if (!file) throw notFound('Attachment');
      await sendArticleFile(ctx, req, res, file, { private: true });
    },
  }),
  route({
    method: 'post',
    path: '/api/knowledge/preview',
    access: ANY_ROLE,
    summary: 'Markdown rendered as the help center shows it (raw HTML stays text), for the editor’s preview.',
    body: z.object({ markdown: z.string().max(200_000, 'is too long (200,000 characters at most)') }),
    async handler({ body }) {
      return { html: renderMarkdown(body.markdown) };
    },
  }),
  route({
    method: 'get',
    path: '/api/knowledge/search',
    access: ANY_ROLE,
    summary:
      'Search the articles you may read: every word (Chinese segmented, English stemmed, each also as a prefix), title above body, with highlighted snippets; similar titles when nothing matches (fuzzy).',
    query: z.object({
      q: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
      locale: z.enum(LOCALES).optional(),
      limit: z.coerce.number('must be a number').int('must be a whole number').min(1).max(50).default(10),
    }),
    async handler({ ctx, query, session }) {
      const audience = await audienceOf(ctx.sql, session);
      const found = await searchArticles(ctx.sql, { ...query, audience, logAs: 'console' });
      return { hits: found.hits.map(presentArticleHit), fuzzy: found.fuzzy };
    },
  }),
  route({
    method: 'get',
    path: '/api/tickets/:id/article-suggestions',
    access: ANY_ROLE,
    summary:
      'The knowledge base articles that best answer a ticket you may open (its subject and the customer’s last message, segmented as articles are); logged as shown.',
    params: idParams,
    async handler({ ctx, params: { id }, session }): Promise<ArticleSuggestionsResponse> {
      await requireVisibleTicket(ctx.sql, session, id);
      const found = await suggestArticles(ctx.sql, await ticketSuggestionText(ctx, id));
      await logSuggestionsShown(
        ctx.sql,
        id,
        session.userId,
        found.hits.map((h) => h.articleId),
      );
      return {
        queryWords: found.words,
        suggestions: found.hits.map(presentArticleSuggestion),
      };
    },
  }),
  route({
    method: 'post',
    path: '/api/knowledge/articles/:id/insertions',
    access: ANY_ROLE,
    summary:
      'The text to insert into a reply on a ticket you may open: the article’s answer, or its public link (live articles only, else 409); logged as inserted. Name the article in the reply’s knowledgeArticleIds.',
    params: idParams,
    body: z.object({
      ticketId: z.uuid('must be a UUID'),
      kind: z.enum(['answer', 'link']),
      locale: z.enum(LOCALES).optional(),
    }),
    async handler({ ctx, params: { id }, body, session }) {
      await requireVisibleTicket(ctx.sql, session, body.ticketId);
      return kb(() =>
        insertArticle(ctx.sql, { ...body, articleId: id, userId: session.userId, baseUrl: ctx.config.PUBLIC_URL }),
      );
    },
  }),
  route({
    method: 'get',
    path: '/api/knowledge/stats',
    access: SUPERVISORS,
    summary:
      'Knowledge base usage from `from` to `to` (days, UTC; default the last 30): views, helpful and unhelpful votes, searches without a result, suggestions shown / inserted / sent, tickets solved with an article.',
    query: statsQuery,
    async handler({ ctx, query }) {
      return knowledgeStats(ctx.sql, query.from, query.to);
    },
  }),
  route({
    method: 'get',
    path: '/api/knowledge/editors',
    access: ADMINS,
    summary: 'Who may write (writer) and publish (approver) knowledge base articles; admins may do both always.',
    async handler({ ctx }) {
      return { editors: await listEditors(ctx.sql) };
    },
  }),
  route({
    method: 'put',
    path: '/api/knowledge/editors/:userId',
    access: ADMINS,
    summary: 'Make a user a knowledge base writer or approver, or (role null) take it back.',
    params: z.object({ userId: z.uuid('must be a UUID') }),
    body: z.object({ role: z.enum(KNOWLEDGE_EDITOR_ROLES).nullable() }),
    async handler({ ctx, params, body, session }) {
      await kb(() => setEditorRole(ctx.sql, session.userId, params.userId, body.role));
      return { editors: await listEditors(ctx.sql) };
    },
  }),
];
