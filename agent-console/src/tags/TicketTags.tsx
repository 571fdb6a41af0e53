import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagView } from '../../../server/http/ticketViewApiTypes';
import { errorMessage } from '../api/errorMessage';
import { TagChip } from './TagChip';
import { useTags, useTicketTag } from './tagQueries';

/** A ticket's tags: shown, added from the existing ones, removed. */
export function TicketTags({ ticketId, tags }: { ticketId: string; tags: TagView[] }) {
  const { t } = useTranslation();
  const all = useTags().data?.tags ?? [];
  const change = useTicketTag(ticketId);
  const [chosen, setChosen] = useState('');
  const addable = all.filter((tag) => !tags.some((on) => on.id === tag.id));

  const add = () => {
    if (!chosen) return;
    change.mutate({ tagId: chosen, on: true }, { onSuccess: () => setChosen('') });
  };

  return (
    <section className="panel" data-testid="ticket-tags">
      <h2>{t('tags.heading')}</h2>
      {tags.length === 0 ? (
        <p className="muted">{t('tags.none')}</p>
      ) : (
        <ul className="tag-list">
          {tags.map((tag) => (
            <li key={tag.id}>
              <TagChip tag={tag}>
                <button
                  type="button"
                  className="tag-chip__remove"
                  data-testid="remove-tag"
                  aria-label={t('tags.remove', { name: tag.name })}
                  disabled={change.isPending}
                  onClick={() => change.mutate({ tagId: tag.id, on: false })}
                >
                  ×
                </button>
              </TagChip>
            </li>
          ))}
        </ul>
      )}
      {addable.length > 0 && (
        <div className="inline-form">
          <label className="visually-hidden" htmlFor={`add-tag-${ticketId}`}>
            {t('tags.addLabel')}
          </label>
          <select
            id={`add-tag-${ticketId}`}
            data-testid="add-tag-select"
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
          >
            <option value="">{t('tags.choose')}</option>
            {addable.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            data-testid="add-tag"
            disabled={!chosen || change.isPending}
            onClick={add}
          >
            {t('tags.add')}
          </button>
        </div>
      )}
      {change.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(change.error, t)}
        </p>
      )}
    </section>
  );
}
