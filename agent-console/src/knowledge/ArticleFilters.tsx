import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../server/http/apiTypes';
import { KNOWLEDGE_STATES, type KnowledgeState } from '../../../server/http/knowledgeApiTypes';
import type { ArticleFilter } from './knowledgeEndpoints';
import { ARTICLE_LOCALES } from './knowledgeNames';

interface Props {
  search: string;
  onSearch: (text: string) => void;
  filter: ArticleFilter;
  onChange: (filter: ArticleFilter) => void;
}

/** The search box and the state and language filters of the article list (categories sit beside it). */
export function ArticleFilters({ search, onSearch, filter, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="knowledge-filters">
      <label className="knowledge-filters__search">
        <span className="visually-hidden">{t('knowledge.search')}</span>
        <input
          type="search"
          data-testid="knowledge-search"
          value={search}
          placeholder={t('knowledge.searchPlaceholder')}
          onChange={(event) => onSearch(event.target.value)}
        />
      </label>
      <label className="inline-field">
        <span>{t('knowledge.filter.state')}</span>
        <select
          data-testid="knowledge-filter-state"
          value={filter.state}
          onChange={(event) => onChange({ ...filter, state: event.target.value as KnowledgeState | '' })}
        >
          <option value="">{t('knowledge.filter.any')}</option>
          {KNOWLEDGE_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`knowledge.state.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('knowledge.filter.locale')}</span>
        <select
          data-testid="knowledge-filter-locale"
          value={filter.locale}
          onChange={(event) => onChange({ ...filter, locale: event.target.value as Locale | '' })}
        >
          <option value="">{t('knowledge.filter.any')}</option>
          {ARTICLE_LOCALES.map((locale) => (
            <option key={locale} value={locale}>
              {t(`language.${locale}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
