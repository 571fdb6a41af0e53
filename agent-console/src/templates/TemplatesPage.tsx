import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../server/http/templateApiTypes';
import { useCurrentUser } from '../app/session';
import { errorMessage } from '../api/errorMessage';
import { LoadStatus } from '../data/LoadStatus';
import { TemplateForm } from './TemplateForm';
import { useDeleteTemplate, useTemplateList } from './templateQueries';

/** Reply templates: the ones I may use, listed; the ones I keep, changed or deleted; new ones added. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useTemplateList('');
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<TemplateView | 'new' | null>(null);

  return (
    <section className="page" data-testid="templates-page">
      <header className="page__header">
        <h1>{t('templates.title')}</h1>
        <p className="muted">{t('templates.intro')}</p>
      </header>
      {editing ? (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          user={user}
          template={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button
          type="button"
          className="button button--primary"
          data-testid="new-template"
          onClick={() => setEditing('new')}
        >
          {t('templates.new')}
        </button>
      )}
      <LoadStatus data={list.data} error={list.error} />
      {remove.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(remove.error, t)}
        </p>
      )}
      {list.data && list.data.templates.length === 0 && <p className="muted">{t('templates.empty')}</p>}
      {list.data && list.data.templates.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('templates.name')}</th>
              <th scope="col">{t('templates.shortcut')}</th>
              <th scope="col">{t('templates.scope')}</th>
              <th scope="col">{t('templates.keywords')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('templates.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.templates.map((template) => (
              <tr key={template.id} data-testid="template-row" data-template-name={template.name}>
                <td>
                  {template.name}
                  <br />
                  <small className="muted">
                    {template.variants.map((v) => v.locale).join(' · ')} ·{' '}
                    {t('templates.usage', { count: template.usageCount })}
                  </small>
                </td>
                <td>{template.shortcut && <code>/{template.shortcut}</code>}</td>
                <td>{t(`templates.scopes.${template.scope}`)}</td>
                <td>{template.keywords.join(', ')}</td>
                <td>
                  {template.canEdit && (
                    <>
                      <button type="button" className="button button--small" onClick={() => setEditing(template)}>
                        {t('templates.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(template.id)}
                      >
                        {t('templates.delete')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
