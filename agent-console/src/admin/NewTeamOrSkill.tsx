import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from './adminApi';
import { useAdminMutation } from './adminQueries';
import { AdminField } from './AdminField';
import { errorsByPath } from './fieldErrors';
import { SaveStatus } from './SaveStatus';

/** Adds a team by name. */
export function NewTeamForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const create = useAdminMutation(
    () => adminApi.createTeam(name),
    ({ id }) => {
      setName('');
      onCreated(id);
    },
  );
  const errors = errorsByPath(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(undefined);
  };
  return (
    <form className="form admin-inline-form" data-testid="new-team" onSubmit={submit} noValidate>
      <AdminField label={t('admin.teams.newName')} path="name" errors={errors}>
        <input data-testid="new-team-name" value={name} onChange={(e) => setName(e.target.value)} />
      </AdminField>
      <button type="submit" className="button" data-testid="new-team-create" disabled={create.isPending}>
        {t('admin.teams.add')}
      </button>
      <SaveStatus error={create.error} saved={false} />
    </form>
  );
}

/** Adds a skill: the name routing uses, and the label people read. */
export function NewSkillForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ name: '', label: '' });
  const create = useAdminMutation(
    () => adminApi.createSkill(draft),
    ({ id }) => {
      setDraft({ name: '', label: '' });
      onCreated(id);
    },
  );
  const errors = errorsByPath(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(undefined);
  };
  return (
    <form className="form admin-inline-form" data-testid="new-skill" onSubmit={submit} noValidate>
      <AdminField label={t('admin.skills.name')} path="name" errors={errors} hint={t('admin.skills.nameHint')}>
        <input
          data-testid="new-skill-name"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </AdminField>
      <AdminField label={t('admin.skills.label')} path="label" errors={errors}>
        <input
          data-testid="new-skill-label"
          value={draft.label}
          onChange={(e) => setDraft({ ...draft, label: e.target.value })}
        />
      </AdminField>
      <button type="submit" className="button" data-testid="new-skill-create" disabled={create.isPending}>
        {t('admin.skills.add')}
      </button>
      <SaveStatus error={create.error} saved={false} />
    </form>
  );
}
