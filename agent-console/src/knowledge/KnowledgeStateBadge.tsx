import { useTranslation } from 'react-i18next';
import type { KnowledgeState } from '../../../server/http/knowledgeApiTypes';
import './knowledge.css';

/** An article's state in words and colour. */
export function KnowledgeStateBadge({ state, scheduled = false }: { state: KnowledgeState; scheduled?: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={`knowledge-state knowledge-state--${scheduled ? 'scheduled' : state}`}
      data-testid="knowledge-state"
      data-state={state}
    >
      {scheduled ? t('knowledge.state.scheduled') : t(`knowledge.state.${state}`)}
    </span>
  );
}
