import { useTranslation } from 'react-i18next';
import './knowledge.css';
import { SuggestedArticles } from './SuggestedArticles';

/** The ticket page's side panel of suggested articles; a click puts one into the reply below the thread. */
export function TicketArticleSuggestions({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" data-testid="ticket-article-suggestions">
      <h2>{t('knowledge.suggestions.heading')}</h2>
      <SuggestedArticles
        ticketId={ticketId}
        limit={5}
        label={(kind) =>
          t(kind === 'answer' ? 'knowledge.suggestions.insertAnswer' : 'knowledge.suggestions.insertLink')
        }
      />
    </section>
  );
}
