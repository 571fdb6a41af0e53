import { useTranslation } from 'react-i18next';
import type { ArticleSuggestion } from '../../../server/http/knowledgeApiTypes';
import './knowledge.css';
import { SuggestedArticles } from './SuggestedArticles';

interface Props {
  ticketId: string;
  /** The suggestions the pop arrived with (already logged as shown); read over HTTP only when it came without. */
  suggestions?: ArticleSuggestion[];
  onAccept: () => void;
}

/**
 * The screen pop's suggested articles. Its composer is not open yet, so one click takes the offer with the article:
 * the answer waits for the ticket's reply box, and `onAccept` accepts the offer (which opens the ticket).
 */
export function ScreenPopArticles({ ticketId, suggestions, onAccept }: Props) {
  const { t } = useTranslation();
  return (
    <section className="screen-pop__section" data-testid="offer-articles">
      <h3>{t('knowledge.suggestions.heading')}</h3>
      <SuggestedArticles
        ticketId={ticketId}
        limit={3}
        given={suggestions}
        label={(kind) =>
          t(kind === 'answer' ? 'knowledge.suggestions.acceptWithAnswer' : 'knowledge.suggestions.acceptWithLink')
        }
        onInserted={onAccept}
      />
    </section>
  );
}
