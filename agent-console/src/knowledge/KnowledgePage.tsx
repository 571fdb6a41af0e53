import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeSearchHit } from '../../../server/http/knowledgeApiTypes';
import { useCurrentUser } from '../app/session';
import { LoadStatus } from '../data/LoadStatus';
import { useDebouncedValue } from '../data/useDebouncedValue';
import { canSupervise } from '../router/access';
import { ArticleFilters } from './ArticleFilters';
import { ArticleTable } from './ArticleTable';
import { CategoryPanel } from './CategoryPanel';
import './knowledge.css';
import type { ArticleFilter } from './knowledgeEndpoints';
import { categoryName } from './knowledgeNames';
import { useArticleList, useArticleSearch, useCategories, useKnowledgePermissions } from './knowledgeQueries';

const NO_FILTER: ArticleFilter = { q: '', state: '', categoryId: '', locale: '' };

/** The articles I may see: searched (matched words highlighted), by category, state and language. */
export function KnowledgePage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const permissions = useKnowledgePermissions().data;
  const [filter, setFilter] = useState<ArticleFilter>(NO_FILTER);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const list = useArticleList({ ...filter, q });
  const searched = useArticleSearch(q, filter.locale);
  const categories = useCategories().data?.categories ?? [];

  // The list decides which articles match every filter; the search adds each one's best snippet.
  const hits = useMemo(() => {
    const best = new Map<string, KnowledgeSearchHit>();
    for (const hit of q ? (searched.data?.hits ?? []) : []) if (!best.has(hit.articleId)) best.set(hit.articleId, hit);
    return best;
  }, [q, searched.data]);
  const categoryNameOf = (id: string | null) => {
    const category = categories.find((c) => c.id === id);
    return category ? categoryName(category, i18n.language) : t('knowledge.categories.none');
  };
  const articles = list.data?.articles;

  return (
    <section className="page page--wide" data-testid="knowledge-page">
      <header className="page__header">
        <h1>{t('knowledge.title')}</h1>
        <p className="muted">{t('knowledge.intro')}</p>
        <div className="button-row">
          {permissions?.canWrite && (
            <Link to="/knowledge/new" className="button button--primary" data-testid="new-article">
              {t('knowledge.newArticle')}
            </Link>
          )}
          {permissions?.canManageEditors && (
            <Link to="/knowledge/editors" className="button">
              {t('knowledge.editors')}
            </Link>
          )}
          {canSupervise(user.role) && (
            <Link to="/reports/knowledge" className="button">
              {t('knowledge.stats')}
            </Link>
          )}
        </div>
      </header>
      <div className="knowledge-layout">
        <CategoryPanel
          categories={categories}
          current={filter.categoryId}
          onSelect={(categoryId) => setFilter({ ...filter, categoryId })}
          canManage={permissions?.canPublish ?? false}
        />
        <div className="knowledge-layout__main">
          <ArticleFilters search={search} onSearch={setSearch} filter={filter} onChange={setFilter} />
          <LoadStatus data={list.data} error={list.error} />
          {q && searched.data?.fuzzy && (
            <p className="notice" data-testid="knowledge-fuzzy">
              {t('knowledge.fuzzy')}
            </p>
          )}
          {articles && (
            <>
              <p className="muted" role="status" data-testid="knowledge-total">
                {t('knowledge.total', { count: articles.length })}
              </p>
              {articles.length === 0 ? (
                <p className="muted">{t('knowledge.empty')}</p>
              ) : (
                <ArticleTable articles={articles} hits={hits} categoryNameOf={categoryNameOf} />
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
