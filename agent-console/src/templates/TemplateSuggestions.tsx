import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../server/http/templateApiTypes';
import { useTemplateSuggestions } from './templateQueries';

/** Templates that answer the customer's last message, best first; a click inserts one. */
export function TemplateSuggestions({
  ticketId,
  onPick,
}: {
  ticketId: string;
  onPick: (template: TemplateView) => void;
}) {
  const { t } = useTranslation();
  const suggestions = useTemplateSuggestions(ticketId).data?.suggestions;
  if (!suggestions?.length) return null;
  return (
    <div className="template-suggestions" data-testid="template-suggestions">
      <span className="muted small">{t('templates.suggestions')}</span>
      {suggestions.slice(0, 3).map(({ template, matchedWords }) => (
        <button
          key={template.id}
          type="button"
          className="button button--small"
          data-testid="template-suggestion"
          data-template-name={template.name}
          title={t('templates.matched', { words: matchedWords.join(', ') })}
          onClick={() => onPick(template)}
        >
          {template.name}
        </button>
      ))}
    </div>
  );
}
