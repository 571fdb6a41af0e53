import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage';
import { useCreateTag } from './tagQueries';

export function NewTagForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [color, setColor] = useState('#3b82f6');
  const create = useCreateTag();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), color }, { onSuccess: () => setName('') });
  };

  return (
    <form className="inline-form" onSubmit={submit} data-testid="new-tag-form">
      <label className="inline-field">
        <span>{t('tags.name')}</span>
        <input data-testid="new-tag-name" value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="inline-field">
        <span>{t('tags.color')}</span>
        <input type="color" value={color} onChange={(event) => setColor(event.target.value)} />
      </label>
      <button type="submit" className="button button--primary" data-testid="new-tag-submit" disabled={create.isPending}>
        {t('tags.create')}
      </button>
      {create.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(create.error, t)}
        </p>
      )}
    </form>
  );
}
