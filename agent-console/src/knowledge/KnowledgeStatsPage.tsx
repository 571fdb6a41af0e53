import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeStats } from '../../../server/http/knowledgeApiTypes';
import { defaultStatsRange } from '../campaigns/statsPeriod';
import { LoadStatus } from '../data/LoadStatus';
import './knowledge.css';
import { useKnowledgeStats } from './knowledgeQueries';
import { ArticleStatsTable, MissingSearchesTable } from './KnowledgeStatsTables';
import { SuggestionFunnelChart } from './SuggestionFunnelChart';

const TOTALS = [
  'views',
  'helpful',
  'unhelpful',
  'searches',
  'searchesWithoutResult',
  'suggestionsShown',
  'suggestionsInserted',
  'suggestionsSent',
  'ticketsSolvedWithArticle',
] as const satisfies readonly (keyof KnowledgeStats['totals'])[];

/** Supervisors: how the knowledge base is read, rated and used in replies, and what is missing from it. */
export function KnowledgeStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState(defaultStatsRange);
  // Whole days, both included, as the server counts them.
  const valid = range.from !== '' && range.to !== '' && range.from <= range.to;
  const stats = useKnowledgeStats(valid ? range : null);
  const { data } = stats;

  return (
    <section className="page page--wide" data-testid="knowledge-stats">
      <header className="page__header">
        <h1>{t('knowledgeStats.title')}</h1>
        <p className="muted">{t('knowledgeStats.intro')}</p>
      </header>
      <div className="knowledge-filters">
        {(['from', 'to'] as const).map((end) => (
          <label key={end} className="inline-field">
            <span>{t(`knowledgeStats.${end}`)}</span>
            <input
              type="date"
              data-testid={`knowledge-stats-${end}`}
              value={range[end]}
              onChange={(event) => setRange({ ...range, [end]: event.target.value })}
            />
          </label>
        ))}
      </div>
      {!valid && (
        <p role="alert" className="notice notice--error">
          {t('knowledgeStats.invalidRange')}
        </p>
      )}
      {valid && <LoadStatus data={data} error={stats.error} />}
      {data && (
        <>
          <dl className="knowledge-figures" data-testid="knowledge-totals">
            {TOTALS.map((figure) => (
              <div key={figure} data-kind={figure}>
                <dt className="muted small">{t(`knowledgeStats.${figure}`)}</dt>
                <dd data-testid={`knowledge-total-${figure}`}>{data.totals[figure]}</dd>
              </div>
            ))}
          </dl>
          <SuggestionFunnelChart totals={data.totals} />
          <h2>{t('knowledgeStats.articlesHeading')}</h2>
          <ArticleStatsTable articles={data.articles} />
          <h2>{t('knowledgeStats.missingHeading')}</h2>
          <MissingSearchesTable searches={data.searchesWithoutResult} />
        </>
      )}
    </section>
  );
}
