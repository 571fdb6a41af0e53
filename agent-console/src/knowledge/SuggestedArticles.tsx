import { useTranslation } from 'react-i18next';
import type { ArticleSuggestion } from '../../../server/http/knowledgeApiTypes';
import { errorMessage } from '../api/errorMessage';
import { ArticleSnippet } from './ArticleSnippet';
import { KnowledgeStateBadge } from './KnowledgeStateBadge';
import { useArticleSuggestions } from './knowledgeQueries';
import { useInsertArticle, type InsertionKind } from './useInsertArticle';

interface Props {
  ticketId: string;
  /** How many to list. */
  limit: number;
  /** The buttons' words: on the ticket page they insert, in a screen pop they also accept. */
  label: (kind: InsertionKind) => string;
  /** After an article went on its way into the reply. */
  onInserted?: () => void;
  /** The suggestions already at hand (the screen pop's, computed and logged as shown by the server): none is read. */
  given?: ArticleSuggestion[];
}

/** The articles that best answer the ticket, each with one action to put its answer (or public link) into the reply. */
export function SuggestedArticles({ ticketId, limit, label, onInserted, given }: Props) {
  const { t } = useTranslation();
  const fetched = useArticleSuggestions(ticketId, given === undefined);
  const insert = useInsertArticle(ticketId);
  const suggestions = given ?? fetched.data?.suggestions;
  const list = suggestions?.slice(0, limit) ?? [];

  const pick = (suggestion: ArticleSuggestion, kind: InsertionKind) =>
    insert.mutate({ suggestion, kind }, { onSuccess: () => onInserted?.() });

  if (!given && fetched.error) return <p className="muted small">{errorMessage(fetched.error, t)}</p>;
  if (!suggestions) return <p className="muted small">{t('app.loading')}</p>;
  return (
    <div data-testid="article-suggestions">
      {list.length === 0 ? (
        <p className="muted small" data-testid="article-suggestions-empty">
          {t('knowledge.suggestions.none')}
        </p>
      ) : (
        <ul className="knowledge-suggestions">
          {list.map((suggestion) => (
            <li
              key={`${suggestion.articleId}-${suggestion.locale}`}
              className="knowledge-suggestion"
              data-testid="article-suggestion"
              data-article-id={suggestion.articleId}
              data-title={suggestion.title}
            >
              <div className="knowledge-suggestion__title">
                <strong>{suggestion.title}</strong>{' '}
                <span className="muted small">{t(`language.${suggestion.locale}`)}</span>{' '}
                {suggestion.state !== 'published' && <KnowledgeStateBadge state={suggestion.state} />}
              </div>
              <p className="knowledge-suggestion__snippet small">
                <ArticleSnippet html={suggestion.snippetHtml} />
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--small"
                  data-testid="insert-article-answer"
                  disabled={insert.isPending}
                  onClick={() => pick(suggestion, 'answer')}
                >
                  {label('answer')}
                </button>
                {suggestion.isPublic && (
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="insert-article-link"
                    disabled={insert.isPending}
                    onClick={() => pick(suggestion, 'link')}
                  >
                    {label('link')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {insert.error && (
        <p role="alert" className="notice notice--error">
          {t('knowledge.suggestions.insertFailed')} {errorMessage(insert.error, t)}
        </p>
      )}
    </div>
  );
}
