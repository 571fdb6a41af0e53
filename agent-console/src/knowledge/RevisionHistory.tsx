import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../server/http/apiTypes';
import type { KnowledgeArticleView } from '../../../server/http/knowledgeApiTypes';
import { errorMessage } from '../api/errorMessage';
import { LoadStatus } from '../data/LoadStatus';
import { Timestamp } from '../format/Timestamp';
import { restoreRevision } from './knowledgeEndpoints';
import { useKnowledgeMutation, useRevisions } from './knowledgeQueries';
import { RevisionDiffView } from './RevisionDiffView';

interface Props {
  articleId: string;
  locale: Locale;
  /** May restore: the same people who may change the article. */
  canRestore: boolean;
  onRestored: (article: KnowledgeArticleView) => void;
}

/** Every saved revision of one language, newest first, with who and when; each shows its changes and can be restored. */
export function RevisionHistory({ articleId, locale, canRestore, onRestored }: Props) {
  const { t, i18n } = useTranslation();
  const revisions = useRevisions(articleId, locale, true);
  const [open, setOpen] = useState<string | null>(null);
  // The revision the open one is compared with: the one before it unless another is chosen.
  const [against, setAgainst] = useState<string | null>(null);
  const restore = useKnowledgeMutation((revisionId: string) => restoreRevision(articleId, revisionId));
  const list = revisions.data?.revisions ?? [];

  return (
    <section className="panel knowledge-revisions" data-testid="revision-history">
      <h2>{t('knowledge.revisions.heading')}</h2>
      <LoadStatus data={revisions.data} error={revisions.error} />
      {revisions.data && list.length === 0 && <p className="muted">{t('knowledge.revisions.none')}</p>}
      <ul className="plain-list">
        {list.map((revision, index) => {
          const previous = list.find((other) => other.id === against) ?? list[index + 1] ?? null;
          return (
            <li
              key={revision.id}
              data-testid="revision"
              data-revision-id={revision.id}
              aria-current={open === revision.id}
            >
              <div>
                <Timestamp iso={revision.createdAt} />{' '}
                <span className="muted small">
                  {t('knowledge.revisions.by', {
                    name: revision.author?.name ?? t('knowledge.revisions.unknownAuthor'),
                  })}
                </span>{' '}
                {index === 0 && <span className="muted small">({t('knowledge.revisions.latest')})</span>}{' '}
                {revision.restoredFromId && <span className="muted small">({t('knowledge.revisions.restored')})</span>}
              </div>
              <div className="small">{revision.title}</div>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--small"
                  data-testid="revision-compare"
                  aria-expanded={open === revision.id}
                  onClick={() => {
                    setOpen(open === revision.id ? null : revision.id);
                    setAgainst(null);
                  }}
                >
                  {open === revision.id ? t('knowledge.revisions.close') : t('knowledge.revisions.compare')}
                </button>
                {canRestore && index > 0 && (
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="revision-restore"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate(revision.id, { onSuccess: ({ article }) => onRestored(article) })}
                  >
                    {restore.isPending && restore.variables === revision.id
                      ? t('knowledge.revisions.restoring')
                      : t('knowledge.revisions.restore')}
                  </button>
                )}
              </div>
              {open === revision.id && list.length > 1 && (
                <label className="inline-field small">
                  <span>{t('knowledge.revisions.against')}</span>
                  <select
                    data-testid="revision-against"
                    value={previous?.id ?? ''}
                    onChange={(event) => setAgainst(event.target.value)}
                  >
                    {!previous && <option value="">{t('knowledge.revisions.nothingBefore')}</option>}
                    {list
                      .filter((other) => other.id !== revision.id)
                      .map((other) => (
                        <option key={other.id} value={other.id}>
                          {new Date(other.createdAt).toLocaleString(i18n.language)} · {other.author?.name ?? ''}
                        </option>
                      ))}
                  </select>
                </label>
              )}
              {open === revision.id && <RevisionDiffView from={previous} to={revision} />}
            </li>
          );
        })}
      </ul>
      {restore.isSuccess && (
        <p className="notice notice--success" role="status">
          {t('knowledge.revisions.restoreDone')}
        </p>
      )}
      {restore.error != null && (
        <p role="alert" className="notice notice--error">
          {errorMessage(restore.error, t)}
        </p>
      )}
    </section>
  );
}
