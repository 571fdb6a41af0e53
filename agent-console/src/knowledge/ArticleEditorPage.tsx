import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { ArticleEditor } from './ArticleEditor';
import './knowledge.css';
import { useArticle, useKnowledgePermissions } from './knowledgeQueries';

const route = getRouteApi('/knowledge/articles/$articleId');

function EditorFrame({ heading, children }: { heading: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="page page--wide" data-testid="article-page">
      <header className="page__header">
        <Link to="/knowledge" className="back-link">
          ← {t('knowledge.editor.back')}
        </Link>
        <h1>{heading}</h1>
      </header>
      {children}
    </section>
  );
}

/** A new article: written in one language or both, saved as a draft. */
export function NewArticlePage() {
  const { t } = useTranslation();
  const permissions = useKnowledgePermissions();
  return (
    <EditorFrame heading={t('knowledge.editor.newTitle')}>
      <LoadStatus data={permissions.data} error={permissions.error} />
      {permissions.data &&
        (permissions.data.canWrite ? (
          <ArticleEditor article={null} permissions={permissions.data} />
        ) : (
          <p className="notice">{t('knowledge.editor.cannotWrite')}</p>
        ))}
    </EditorFrame>
  );
}

/** One article: read by everyone who may see it, changed by writers (drafts) and approvers. */
export function ArticlePage() {
  const { t } = useTranslation();
  const { articleId } = route.useParams();
  const article = useArticle(articleId);
  const permissions = useKnowledgePermissions();
  return (
    <EditorFrame heading={t('knowledge.editor.editTitle')}>
      <LoadStatus data={article.data && permissions.data} error={article.error ?? permissions.error} />
      {article.data && permissions.data && (
        <ArticleEditor key={article.data.article.id} article={article.data.article} permissions={permissions.data} />
      )}
    </EditorFrame>
  );
}
