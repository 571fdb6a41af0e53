import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { KnowledgeArticleSummary, KnowledgeSearchHit } from '../../../server/http/knowledgeApiTypes';
import { Timestamp } from '../format/Timestamp';
import { ArticleSnippet } from './ArticleSnippet';
import { KnowledgeStateBadge } from './KnowledgeStateBadge';
import { articleTitle } from './knowledgeNames';

interface Props {
  articles: KnowledgeArticleSummary[];
  /** The search's best hit per article, for its highlighted snippet. */
  hits: Map<string, KnowledgeSearchHit>;
  categoryNameOf: (categoryId: string | null) => string;
}

/** The articles found, each opening its page, with the matched words highlighted when searching. */
export function ArticleTable({ articles, hits, categoryNameOf }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="knowledge-articles">
        <thead>
          <tr>
            <th scope="col">{t('knowledge.column.title')}</th>
            <th scope="col">{t('knowledge.column.state')}</th>
            <th scope="col">{t('knowledge.column.category')}</th>
            <th scope="col">{t('knowledge.column.locales')}</th>
            <th scope="col">{t('knowledge.column.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => {
            const hit = hits.get(article.id);
            const scheduled = article.state === 'published' && !article.isLive;
            return (
              <tr
                key={article.id}
                data-testid="knowledge-article-row"
                data-article-id={article.id}
                data-state={article.state}
              >
                <td>
                  <Link to="/knowledge/articles/$articleId" params={{ articleId: article.id }}>
                    {hit?.title || articleTitle(article, i18n.language) || t('knowledge.untitled')}
                  </Link>
                  {hit && (
                    <p className="knowledge-row__snippet small">
                      <ArticleSnippet html={hit.snippetHtml} />
                    </p>
                  )}
                  {article.tags.length > 0 && <p className="muted small">{article.tags.join(' · ')}</p>}
                </td>
                <td>
                  <KnowledgeStateBadge state={article.state} scheduled={scheduled} />
                  {scheduled && article.publishAt && (
                    <>
                      <br />
                      <Timestamp iso={article.publishAt} className="muted small" />
                    </>
                  )}
                </td>
                <td>{categoryNameOf(article.categoryId)}</td>
                <td>{article.locales.map((locale) => t(`language.${locale}`)).join(' · ')}</td>
                <td>
                  <Timestamp iso={article.updatedAt} className="muted small" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
