import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  KNOWLEDGE_EDITOR_ROLES,
  type KnowledgeEditorRole,
  type KnowledgeEditorsResponse,
} from '../../../server/http/knowledgeApiTypes';
import { useUsers } from '../admin/adminQueries';
import { errorMessage } from '../api/errorMessage';
import { LoadStatus } from '../data/LoadStatus';
import './knowledge.css';
import { setEditorRole } from './knowledgeEndpoints';
import { useEditors, useKnowledgeMutation } from './knowledgeQueries';

/** Admins decide who writes articles and who may publish them. */
export function KnowledgeEditorsPage() {
  const { t } = useTranslation();
  const editors = useEditors(true);
  const users = useUsers();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<KnowledgeEditorRole>('writer');
  const change = useKnowledgeMutation<{ userId: string; role: KnowledgeEditorRole | null }, KnowledgeEditorsResponse>(
    (input) => setEditorRole(input.userId, input.role),
  );
  const list = editors.data?.editors ?? [];
  // Admins are writers and approvers already; the others may be given a role.
  const candidates = (users.data?.users ?? []).filter((user) => user.active && user.role !== 'admin');

  const grant = (event: FormEvent) => {
    event.preventDefault();
    if (userId) change.mutate({ userId, role }, { onSuccess: () => setUserId('') });
  };

  return (
    <section className="page" data-testid="knowledge-editors">
      <header className="page__header">
        <Link to="/knowledge" className="back-link">
          ← {t('knowledge.editor.back')}
        </Link>
        <h1>{t('knowledge.editors')}</h1>
        <p className="muted">{t('knowledge.editorRoles.intro')}</p>
      </header>
      <LoadStatus data={editors.data} error={editors.error} />
      {editors.data && list.length === 0 && <p className="muted">{t('knowledge.editorRoles.empty')}</p>}
      {list.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('knowledge.editorRoles.user')}</th>
              <th scope="col">{t('knowledge.editorRoles.role')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('knowledge.editorRoles.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((editor) => (
              <tr key={editor.userId} data-testid="knowledge-editor-row" data-user-id={editor.userId}>
                <td>
                  {editor.name} <span className="muted small">{editor.email}</span>
                </td>
                <td>
                  <select
                    aria-label={t('knowledge.editorRoles.role')}
                    value={editor.role}
                    disabled={change.isPending}
                    onChange={(event) =>
                      change.mutate({ userId: editor.userId, role: event.target.value as KnowledgeEditorRole })
                    }
                  >
                    {KNOWLEDGE_EDITOR_ROLES.map((option) => (
                      <option key={option} value={option}>
                        {t(`knowledge.editorRoles.${option}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={change.isPending}
                    onClick={() => change.mutate({ userId: editor.userId, role: null })}
                  >
                    {t('knowledge.editorRoles.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="knowledge-filters" onSubmit={grant}>
        <label className="inline-field">
          <span>{t('knowledge.editorRoles.user')}</span>
          <select
            data-testid="knowledge-editor-user"
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
          >
            <option value="">{t('knowledge.editorRoles.choose')}</option>
            {candidates.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('knowledge.editorRoles.role')}</span>
          <select
            data-testid="knowledge-editor-role"
            value={role}
            onChange={(event) => setRole(event.target.value as KnowledgeEditorRole)}
          >
            {KNOWLEDGE_EDITOR_ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`knowledge.editorRoles.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="button button--primary"
          data-testid="knowledge-editor-grant"
          disabled={!userId || change.isPending}
        >
          {t('knowledge.editorRoles.grant')}
        </button>
      </form>
      {change.error != null && (
        <p role="alert" className="notice notice--error">
          {errorMessage(change.error, t)}
        </p>
      )}
    </section>
  );
}
