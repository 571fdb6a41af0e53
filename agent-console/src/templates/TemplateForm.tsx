import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../server/http/apiTypes';
import type { TemplateView } from '../../../server/http/templateApiTypes';
import { ApiRequestError } from '../api/ApiRequestError';
import { errorMessage } from '../api/errorMessage';
import { requestJson } from '../api/request';
import { draftOf, emptyDraft, fieldsOf, newTemplateOf, scopesFor, type TemplateDraft } from './templateDraft';
import { useCreateTemplate, useUpdateTemplate } from './templateQueries';

const VARIABLES_HINT = '{{customer.name|there}}, {{ticket.number}}, {{ticket.subject}}, {{agent.name}}';

interface Props {
  user: UserView;
  /** The template to change; a new one when absent. */
  template?: TemplateView;
  onDone: () => void;
}

/** The teams a template may be shared with: every team for admins, a supervisor's own teams otherwise. */
function useTeamNames(user: UserView) {
  const teams = useQuery({
    queryKey: ['templates', 'teams'],
    queryFn: () => requestJson<{ teams: { id: string; name: string }[] }>('/api/admin/teams'),
    enabled: user.role === 'admin',
  });
  return teams.data?.teams ?? user.teams;
}

/** Adds or changes a reply template; the server's errors show by their field. */
export function TemplateForm({ user, template, onDone }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TemplateDraft>(() => (template ? draftOf(template) : emptyDraft()));
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;
  const fieldErrors = failure instanceof ApiRequestError ? failure.fields : [];
  const teams = useTeamNames(user);

  const errorFor = (prefix: string) =>
    fieldErrors
      .filter((f) => f.path === prefix || f.path.startsWith(`${prefix}.`))
      .map((f) => (
        <span key={f.path} className="field-error" role="alert">
          {f.message}
        </span>
      ));

  const set = (key: keyof TemplateDraft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value });

  const field = (
    key: keyof TemplateDraft,
    label: string,
    control: ReactNode,
    hint?: string,
    errorPath: string = key,
  ) => (
    <label className="field">
      <span>{label}</span>
      {control}
      {hint && <small className="muted">{hint}</small>}
      {errorFor(errorPath)}
    </label>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (template) update.mutate({ id: template.id, changes: fieldsOf(draft) }, { onSuccess: onDone });
    else create.mutate(newTemplateOf(draft), { onSuccess: onDone });
  };

  return (
    <form className="panel template-form" onSubmit={submit} data-testid="template-form">
      {field(
        'name',
        t('templates.name'),
        <input data-testid="template-name" value={draft.name} onChange={set('name')} />,
      )}
      {field(
        'shortcut',
        t('templates.shortcut'),
        <input data-testid="template-shortcut" value={draft.shortcut} onChange={set('shortcut')} />,
        t('templates.shortcutHint'),
      )}
      {field(
        'keywords',
        t('templates.keywords'),
        <input data-testid="template-keywords" value={draft.keywords} onChange={set('keywords')} />,
        t('templates.keywordsHint'),
      )}
      {!template &&
        field(
          'scope',
          t('templates.scope'),
          <select data-testid="template-scope" value={draft.scope} onChange={set('scope')}>
            {scopesFor(user.role).map((scope) => (
              <option key={scope} value={scope}>
                {t(`templates.scopes.${scope}`)}
              </option>
            ))}
          </select>,
        )}
      {!template &&
        draft.scope === 'team' &&
        field(
          'teamId',
          t('templates.team'),
          <select data-testid="template-team" value={draft.teamId} onChange={set('teamId')}>
            <option value="" />
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>,
        )}
      {field(
        'bodyEn',
        t('templates.bodyEn'),
        <textarea data-testid="template-body-en" rows={4} value={draft.bodyEn} onChange={set('bodyEn')} />,
        t('templates.bodyHint', { variables: VARIABLES_HINT, placeholder: '[[order number]]' }),
        'variants',
      )}
      {field(
        'bodyZh',
        t('templates.bodyZh'),
        <textarea data-testid="template-body-zh" rows={4} value={draft.bodyZh} onChange={set('bodyZh')} />,
      )}
      {failure && fieldErrors.length === 0 && (
        <p role="alert" className="notice notice--error">
          {errorMessage(failure, t)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="template-save" disabled={saving}>
          {saving ? t('templates.saving') : t('templates.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('templates.cancel')}
        </button>
      </div>
    </form>
  );
}
