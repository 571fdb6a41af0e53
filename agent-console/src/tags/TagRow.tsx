import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagListItem } from '../../../server/http/ticketViewApiTypes';
import { errorMessage } from '../api/errorMessage';
import { useDeleteTag, useUpdateTag } from './tagQueries';

const DEFAULT_PICKER_COLOR = '#888888';

/** One tag in the settings: rename, recolour, delete. */
export function TagRow({ tag }: { tag: TagListItem }) {
  const { t } = useTranslation();
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState(tag.color);
  const update = useUpdateTag();
  const remove = useDeleteTag();
  const changed = name.trim() !== tag.name || color !== tag.color;
  const error = update.error ?? remove.error;

  return (
    <tr data-testid="tag-row" data-tag-name={tag.name}>
      <td>
        <input
          aria-label={t('tags.name')}
          data-testid="tag-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        {error && (
          <p role="alert" className="notice notice--error">
            {errorMessage(error, t)}
          </p>
        )}
      </td>
      <td>
        <input
          type="color"
          aria-label={t('tags.color')}
          data-testid="tag-color"
          value={color ?? DEFAULT_PICKER_COLOR}
          onChange={(event) => setColor(event.target.value)}
        />
        {color && (
          <button type="button" className="button button--small" onClick={() => setColor(null)}>
            {t('tags.noColor')}
          </button>
        )}
      </td>
      <td className="numeric">{tag.ticketCount}</td>
      <td>
        <button
          type="button"
          className="button"
          data-testid="tag-save"
          disabled={!changed || !name.trim() || update.isPending}
          onClick={() => update.mutate({ id: tag.id, changes: { name: name.trim(), color } })}
        >
          {t('tags.save')}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="tag-delete"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(t('tags.confirmDelete', { name: tag.name }))) remove.mutate(tag.id);
          }}
        >
          {t('tags.delete')}
        </button>
      </td>
    </tr>
  );
}
