import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../server/http/apiTypes';
import type { KnowledgeArticleView, KnowledgePermissions } from '../../../server/http/knowledgeApiTypes';
import { ApiRequestError } from '../api/ApiRequestError';
import { errorMessage } from '../api/errorMessage';
import { TabList } from '../app/TabList';
import { toSupportedLocale } from '../i18n/locales';
import { changesOf, draftOf, hasChanges, insertAt, newArticleOf, type ArticleDraft } from './articleDraft';
import { AttachmentsPanel } from './AttachmentsPanel';
import { KnowledgeStateBadge } from './KnowledgeStateBadge';
import { createArticle, updateArticle } from './knowledgeEndpoints';
import { ARTICLE_LOCALES, categoryName } from './knowledgeNames';
import { useCategories, useKnowledgeMutation } from './knowledgeQueries';
import { MarkdownPreview } from './MarkdownPreview';
import { PublishingPanel } from './PublishingPanel';
import { RevisionHistory } from './RevisionHistory';

interface Props {
  /** The article to change; a new one when null. */
  article: KnowledgeArticleView | null;
  permissions: KnowledgePermissions;
}

/**
 * One article in both languages: a Markdown editor with a live preview per language, its category and tags; beside
 * it publishing, files and images, and the revision history of the language on screen.
 */
export function ArticleEditor({ article, permissions }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const categories = useCategories().data?.categories ?? [];
  const [draft, setDraft] = useState<ArticleDraft>(() => draftOf(article));
  const [locale, setLocale] = useState<Locale>(() =>
    article && !article.locales.includes(toSupportedLocale(i18n.language))
      ? article.locales[0]
      : toSupportedLocale(i18n.language),
  );
  const body = useRef<HTMLTextAreaElement>(null);
  // A writer changes drafts; once an article is internal, published or archived, only approvers change it.
  const canEdit = permissions.canWrite && (!article || article.state === 'draft' || permissions.canPublish);
  const save = useKnowledgeMutation(async () => {
    if (article) return updateArticle(article.id, changesOf(draft, article));
    const input = newArticleOf(draft);
    if (!input) throw new Error(t('knowledge.editor.needsText'));
    return createArticle(input);
  });
  const fieldErrors = save.error instanceof ApiRequestError ? save.error.fields : [];
  const dirty = article ? hasChanges(changesOf(draft, article)) : newArticleOf(draft) !== null;
  const variant = draft.variants[locale];
  const saved = article?.variants.find((v) => v.locale === locale);

  // From the draft as it is when the change lands: an upload finishing later must not undo what was typed meanwhile.
  const changeVariant = (
    change: (current: ArticleDraft['variants'][Locale]) => Partial<ArticleDraft['variants'][Locale]>,
  ) =>
    setDraft((current) => ({
      ...current,
      variants: { ...current.variants, [locale]: { ...current.variants[locale], ...change(current.variants[locale]) } },
    }));
  const setVariant = (change: Partial<ArticleDraft['variants'][Locale]>) => changeVariant(() => change);

  const insertIntoBody = (markdown: string) =>
    changeVariant((current) => ({ body: insertAt(current.body, body.current?.selectionStart ?? null, markdown).text }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, {
      onSuccess: ({ article: stored }) => {
        if (!article)
          void navigate({ to: '/knowledge/articles/$articleId', params: { articleId: stored.id }, replace: true });
      },
    });
  };

  return (
    <div className="knowledge-editor" data-testid="article-editor" data-article-id={article?.id ?? ''}>
      <form onSubmit={submit} className="knowledge-editor__main">
        {article && (
          <p>
            <KnowledgeStateBadge state={article.state} scheduled={article.state === 'published' && !article.isLive} />{' '}
            {article.createdBy && (
              <span className="muted small">{t('knowledge.editor.createdBy', { name: article.createdBy.name })}</span>
            )}{' '}
            {article.isLive && saved && (
              <a href={saved.publicUrl} target="_blank" rel="noreferrer" data-testid="article-public-link">
                {t('knowledge.editor.helpCenter')}
              </a>
            )}
          </p>
        )}
        {!permissions.canWrite && <p className="notice">{t('knowledge.editor.cannotWrite')}</p>}
        {permissions.canWrite && !canEdit && <p className="notice">{t('knowledge.editor.readOnly')}</p>}
        <TabList
          label={t('knowledge.editor.variants')}
          idPrefix="article-locale"
          tabs={ARTICLE_LOCALES.map((id) => ({
            id,
            label:
              draft.variants[id].title || draft.variants[id].body
                ? t(`language.${id}`)
                : `${t(`language.${id}`)} (${t('knowledge.editor.missingVariant')})`,
          }))}
          current={locale}
          onSelect={setLocale}
        />
        <div role="tabpanel" id={`article-locale-panel-${locale}`} aria-labelledby={`article-locale-tab-${locale}`}>
          {canEdit ? (
            <>
              <label className="knowledge-field">
                <span>{t('knowledge.editor.title')}</span>
                <input
                  data-testid="article-title"
                  lang={locale}
                  value={variant.title}
                  onChange={(event) => setVariant({ title: event.target.value })}
                />
              </label>
              <div className="markdown-editor">
                <label className="knowledge-field">
                  <span>{t('knowledge.editor.body')}</span>
                  <textarea
                    ref={body}
                    data-testid="article-body"
                    lang={locale}
                    value={variant.body}
                    onChange={(event) => setVariant({ body: event.target.value })}
                  />
                  <small className="muted">{t('knowledge.editor.bodyHint')}</small>
                </label>
                <div className="knowledge-field">
                  <span>{t('knowledge.editor.preview')}</span>
                  <MarkdownPreview source={variant.body} label={t('knowledge.editor.preview')} />
                </div>
              </div>
            </>
          ) : (
            // Readers read the article as it will look, not its Markdown.
            <article lang={locale}>
              <h2 data-testid="article-title-text">{variant.title || t('knowledge.editor.missingVariant')}</h2>
              <MarkdownPreview source={variant.body} label={variant.title} />
            </article>
          )}
        </div>
        <div className="knowledge-filters">
          <label className="knowledge-field">
            <span>{t('knowledge.editor.category')}</span>
            <select
              data-testid="article-category"
              value={draft.categoryId}
              disabled={!canEdit}
              onChange={(event) => setDraft({ ...draft, categoryId: event.target.value })}
            >
              <option value="">{t('knowledge.categories.none')}</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {categoryName(category, i18n.language)}
                </option>
              ))}
            </select>
          </label>
          <label className="knowledge-field knowledge-filters__search">
            <span>{t('knowledge.editor.tags')}</span>
            <input
              data-testid="article-tags"
              value={draft.tags}
              readOnly={!canEdit}
              onChange={(event) => setDraft({ ...draft, tags: event.target.value })}
            />
            <small className="muted">{t('knowledge.editor.tagsHint')}</small>
          </label>
        </div>
        {save.error != null && (
          <div role="alert" className="notice notice--error" data-testid="article-save-error">
            {errorMessage(save.error, t)}
            {fieldErrors.length > 0 && (
              <ul>
                {fieldErrors.map((field) => (
                  <li key={field.path}>
                    {field.path}: {field.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {canEdit && (
          <div className="button-row">
            <button
              type="submit"
              className="button button--primary"
              data-testid="article-save"
              disabled={save.isPending || !dirty}
            >
              {save.isPending ? t('knowledge.editor.saving') : t('knowledge.editor.save')}
            </button>
            {save.isSuccess && !dirty && (
              <span className="muted" role="status" data-testid="article-saved">
                {t('knowledge.editor.saved')}
              </span>
            )}
            <Link to="/knowledge" className="button">
              {t('knowledge.editor.back')}
            </Link>
          </div>
        )}
      </form>
      <aside className="knowledge-editor__side">
        {article ? (
          <>
            <PublishingPanel
              key={`${article.state}-${article.publishAt}`}
              article={article}
              canPublish={permissions.canPublish}
            />
            <AttachmentsPanel article={article} canEdit={canEdit} onInsert={insertIntoBody} />
            {permissions.canWrite && (
              <RevisionHistory
                articleId={article.id}
                locale={locale}
                canRestore={canEdit}
                onRestored={(restored) => setDraft(draftOf(restored))}
              />
            )}
          </>
        ) : (
          <p className="panel muted">{t('knowledge.attachments.saveFirst')}</p>
        )}
      </aside>
    </div>
  );
}
