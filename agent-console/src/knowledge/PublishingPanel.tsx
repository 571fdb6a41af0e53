import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  KNOWLEDGE_STATES,
  type KnowledgeArticleView,
  type KnowledgeState,
} from '../../../server/http/knowledgeApiTypes';
import { errorMessage } from '../api/errorMessage';
import { isoToLocalInput, localInputToIso } from '../campaigns/scheduleTime';
import { KnowledgeStateBadge } from './KnowledgeStateBadge';
import { changeArticleState } from './knowledgeEndpoints';
import { useKnowledgeMutation } from './knowledgeQueries';

interface Props {
  article: KnowledgeArticleView;
  /** Approvers (and admins) change the state; everyone else sees it. */
  canPublish: boolean;
}

/** The article's state and whether it is live; approvers publish (now or at a time), make internal, or archive. */
export function PublishingPanel({ article, canPublish }: Props) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<KnowledgeState>(article.state);
  const [publishAt, setPublishAt] = useState(
    article.publishAt && !article.isLive ? isoToLocalInput(article.publishAt) : '',
  );
  const change = useKnowledgeMutation(() =>
    changeArticleState(article.id, {
      state,
      ...(state === 'published' ? { publishAt: publishAt ? localInputToIso(publishAt) : null } : {}),
    }),
  );
  const scheduled = article.state === 'published' && !article.isLive;

  return (
    <section className="panel" data-testid="publishing-panel">
      <h2>{t('knowledge.publishing.heading')}</h2>
      <p>
        {t('knowledge.publishing.current')}: <KnowledgeStateBadge state={article.state} scheduled={scheduled} />
      </p>
      <p className="muted small" data-testid="article-live" data-live={article.isLive}>
        {scheduled && article.publishAt
          ? t('knowledge.publishing.scheduledFor', {
              time: new Date(article.publishAt).toLocaleString(i18n.language),
            })
          : article.isLive
            ? t('knowledge.publishing.live')
            : t('knowledge.publishing.notLive')}
      </p>
      {canPublish ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate(undefined);
          }}
        >
          <label className="knowledge-field">
            <span>{t('knowledge.publishing.newState')}</span>
            <select
              data-testid="article-state"
              value={state}
              onChange={(event) => setState(event.target.value as KnowledgeState)}
            >
              {KNOWLEDGE_STATES.map((option) => (
                <option key={option} value={option}>
                  {t(`knowledge.state.${option}`)}
                </option>
              ))}
            </select>
            <small className="muted">{t(`knowledge.stateHint.${state}`)}</small>
          </label>
          {state === 'published' && (
            <label className="knowledge-field">
              <span>{t('knowledge.publishing.publishAt')}</span>
              <input
                type="datetime-local"
                data-testid="article-publish-at"
                value={publishAt}
                onChange={(event) => setPublishAt(event.target.value)}
              />
              <small className="muted">{t('knowledge.publishing.publishAtHint')}</small>
            </label>
          )}
          <button
            type="submit"
            className="button button--primary"
            data-testid="article-state-apply"
            disabled={change.isPending}
          >
            {change.isPending ? t('knowledge.publishing.applying') : t('knowledge.publishing.apply')}
          </button>
          {change.error != null && (
            <p role="alert" className="notice notice--error">
              {errorMessage(change.error, t)}
            </p>
          )}
        </form>
      ) : (
        <p className="muted small">{t('knowledge.publishing.onlyApprovers')}</p>
      )}
    </section>
  );
}
