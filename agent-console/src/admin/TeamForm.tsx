import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type AdminUserView, type TeamView } from './adminApi';
import { useAdminMutation } from './adminQueries';
import { AdminField } from './AdminField';
import { CheckboxList } from './CheckboxList';
import { DeleteButton } from './DeleteButton';
import { errorsByPath } from './fieldErrors';
import { SaveStatus } from './SaveStatus';

interface Props {
  team: TeamView;
  users: AdminUserView[];
  onDeleted: () => void;
}

/** A team's name and members (agents, and the supervisors who watch them), and deleting it. */
export function TeamForm({ team, users, onDeleted }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(team.name);
  const [memberIds, setMemberIds] = useState(team.memberIds);
  const save = useAdminMutation(() => adminApi.updateTeam(team.id, { name, memberIds }));
  const remove = useAdminMutation(() => adminApi.deleteTeam(team.id), onDeleted);
  const errors = errorsByPath(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <form className="form card card--wide admin-form" data-testid="team-form" onSubmit={submit} noValidate>
      <h2>{team.name}</h2>
      <AdminField label={t('admin.teams.name')} path="name" errors={errors}>
        <input data-testid="team-name" value={name} onChange={(e) => setName(e.target.value)} />
      </AdminField>
      <CheckboxList
        legend={t('admin.teams.members')}
        path="memberIds"
        testId="team-members"
        options={users.map((user) => ({ value: user.id, label: `${user.name} · ${t(`role.${user.role}`)}` }))}
        chosen={memberIds}
        onChange={setMemberIds}
        errors={errors}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="team-save" disabled={save.isPending}>
          {t('admin.save')}
        </button>
        <DeleteButton what={team.name} testId="team-delete" onDelete={() => remove.mutate(undefined)} />
      </div>
      <SaveStatus error={save.error ?? remove.error} saved={save.isSuccess} />
    </form>
  );
}
