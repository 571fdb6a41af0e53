import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeRevisionView } from '../../../server/http/knowledgeApiTypes';
import './knowledge.css';
import { diffRevisionText, textChanged } from './revisionDiff';

interface Props {
  /** null: `to` is the first revision of its language. */
  from: KnowledgeRevisionView | null;
  to: KnowledgeRevisionView;
}

/** What a revision changed against an earlier one: the title, and the text line by line with changed words marked. */
export function RevisionDiffView({ from, to }: Props) {
  const { t } = useTranslation();
  const rows = useMemo(() => diffRevisionText(from?.body ?? '', to.body, to.locale), [from, to]);
  return (
    <div data-testid="revision-diff">
      {!from && <p className="muted small">{t('knowledge.revisions.firstRevision')}</p>}
      {from && from.title !== to.title && (
        <p className="small" data-testid="revision-diff-title">
          {t('knowledge.revisions.titleChanged', { from: from.title, to: to.title })}
        </p>
      )}
      {!textChanged(rows) ? (
        <p className="muted small">{t('knowledge.revisions.noTextChange')}</p>
      ) : (
        <div className="revision-diff">
          {rows.map((row, index) =>
            row.kind === 'gap' ? (
              <div key={index} className="revision-diff__gap">
                {t('knowledge.revisions.unchanged', { count: row.lines })}
              </div>
            ) : (
              <div
                key={index}
                className={`revision-diff__line revision-diff__line--${row.kind}`}
                data-testid={`diff-${row.kind}`}
              >
                <span aria-hidden="true">{row.kind === 'added' ? '+ ' : row.kind === 'removed' ? '- ' : '  '}</span>
                {row.parts.map((part, at) =>
                  part.change === 'added' ? (
                    <ins key={at}>{part.text}</ins>
                  ) : part.change === 'removed' ? (
                    <del key={at}>{part.text}</del>
                  ) : (
                    <span key={at}>{part.text}</span>
                  ),
                )}
              </div>
            ),
          )}
        </div>
      )}
    </div>
  );
}
