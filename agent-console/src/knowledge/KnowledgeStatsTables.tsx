import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { KnowledgeStats } from '../../../server/http/knowledgeApiTypes';
import { Timestamp } from '../format/Timestamp';

const ARTICLE_FIGURES = [
  'views',
  'helpful',
  'unhelpful',
  'suggestionsShown',
  'suggestionsInserted',
  'suggestionsSent',
] as const;

/** Per article: views, votes and how often it was suggested, inserted and sent; most viewed first. */
export function ArticleStatsTable({ articles }: { articles: KnowledgeStats['articles'] }) {
  const { t } = useTranslation();
  if (articles.length === 0) return <p className="muted">{t('knowledgeStats.noArticles')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="knowledge-article-stats">
        <thead>
          <tr>
            <th scope="col">{t('knowledgeStats.article')}</th>
            {ARTICLE_FIGURES.map((figure) => (
              <th key={figure} scope="col" className="numeric">
                {t(`knowledgeStats.${figure}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {articles.map((row) => (
            <tr key={row.articleId} data-testid="knowledge-article-stats-row" data-article-id={row.articleId}>
              <td>
                <Link to="/knowledge/articles/$articleId" params={{ articleId: row.articleId }}>
                  {row.title}
                </Link>
              </td>
              {ARTICLE_FIGURES.map((figure) => (
                <td key={figure} className="numeric" data-kind={figure}>
                  {row[figure]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What people searched for and did not find, most asked first: the articles to write next. */
export function MissingSearchesTable({ searches }: { searches: KnowledgeStats['searchesWithoutResult'] }) {
  const { t } = useTranslation();
  if (searches.length === 0) return <p className="muted">{t('knowledgeStats.noMissing')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="knowledge-missing-searches">
        <thead>
          <tr>
            <th scope="col">{t('knowledgeStats.query')}</th>
            <th scope="col">{t('knowledgeStats.locale')}</th>
            <th scope="col" className="numeric">
              {t('knowledgeStats.count')}
            </th>
            <th scope="col">{t('knowledgeStats.lastAt')}</th>
          </tr>
        </thead>
        <tbody>
          {searches.map((search) => (
            <tr key={`${search.query}-${search.locale ?? ''}`} data-testid="knowledge-missing-search">
              <td>{search.query}</td>
              <td>{search.locale ? t(`language.${search.locale}`) : t('knowledgeStats.anyLocale')}</td>
              <td className="numeric">{search.count}</td>
              <td>
                <Timestamp iso={search.lastAt} className="muted small" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
