import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../server/http/apiTypes';
import { adminApi, type AdminUserView, type SkillView, type TeamView } from './adminApi';
import { useAdminMutation } from './adminQueries';
import { AdminField } from './AdminField';
import { CheckboxList } from './CheckboxList';
import { errorsByPath } from './fieldErrors';
import { SaveStatus } from './SaveStatus';
import { createUserInput, newUserDraft, updateUserInput, userDraft, type UserDraft } from './userDraft';

interface Props {
  /** null: a new user. */
  user: AdminUserView | null;
  skills: SkillView[];
  teams: TeamView[];
  onCreated: (id: string) => void;
}

const CHANNELS = ['voice', 'sms', 'email'] as const;
const ROLES: readonly Role[] = ['agent', 'supervisor', 'admin'];

/** Everything an admin sets on a user: who they are, their role, skills, teams, capacity, phone, active, password. */
export function UserForm({ user, skills, teams, onCreated }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<UserDraft>(() => (user ? userDraft(user) : newUserDraft()));
  const update = (change: Partial<UserDraft>) => setDraft((current) => ({ ...current, ...change }));
  const save = useAdminMutation(
    (value: UserDraft) =>
      user ? adminApi.updateUser(user.id, updateUserInput(value)) : adminApi.createUser(createUserInput(value)),
    ({ user: saved }) => {
      update({ password: '' });
      if (!user) onCreated(saved.id);
    },
  );
  const errors = errorsByPath(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form className="form card card--wide admin-form" data-testid="user-form" onSubmit={submit} noValidate>
      <h2>{user ? user.name : t('admin.users.new')}</h2>
      <div className="form__row">
        <AdminField label={t('admin.users.name')} path="name" errors={errors}>
          <input data-testid="user-name" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
        </AdminField>
        <AdminField label={t('admin.users.email')} path="email" errors={errors}>
          <input
            data-testid="user-email"
            type="email"
            autoComplete="off"
            value={draft.email}
            onChange={(e) => update({ email: e.target.value })}
          />
        </AdminField>
      </div>
      <div className="form__row">
        <AdminField label={t('admin.users.role')} path="role" errors={errors}>
          <select
            data-testid="user-role"
            value={draft.role}
            onChange={(e) => update({ role: e.target.value as UserDraft['role'] })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </AdminField>
        <AdminField
          label={t('admin.users.phoneNumber')}
          path="phoneNumber"
          errors={errors}
          hint={t('admin.users.phoneHint')}
        >
          <input
            data-testid="user-phone"
            type="tel"
            placeholder="+14155550100"
            value={draft.phoneNumber}
            onChange={(e) => update({ phoneNumber: e.target.value })}
          />
        </AdminField>
      </div>
      <fieldset className="form-section">
        <legend>{t('admin.users.capacity')}</legend>
        <div className="form__row">
          {CHANNELS.map((channel) => (
            <AdminField key={channel} label={t(`channel.${channel}`)} path={`capacity.${channel}`} errors={errors}>
              <input
                data-testid={`user-capacity-${channel}`}
                type="number"
                min={0}
                max={50}
                value={draft.capacity[channel]}
                onChange={(e) => update({ capacity: { ...draft.capacity, [channel]: e.target.value } })}
              />
            </AdminField>
          ))}
        </div>
        <small className="muted">{t('admin.users.capacityHint')}</small>
      </fieldset>
      <CheckboxList
        legend={t('admin.users.skills')}
        path="skills"
        testId="user-skills"
        options={skills.map((skill) => ({ value: skill.name, label: `${skill.label} (${skill.name})` }))}
        chosen={draft.skills}
        onChange={(chosen) => update({ skills: chosen })}
        errors={errors}
        empty={t('admin.users.noSkills')}
      />
      <CheckboxList
        legend={t('admin.users.teams')}
        path="teamIds"
        testId="user-teams"
        options={teams.map((team) => ({ value: team.id, label: team.name }))}
        chosen={draft.teamIds}
        onChange={(chosen) => update({ teamIds: chosen })}
        errors={errors}
        empty={t('admin.users.noTeams')}
      />
      <div className="form__row">
        <AdminField
          label={user ? t('admin.users.newPassword') : t('admin.users.password')}
          path="password"
          errors={errors}
          hint={user ? t('admin.users.resetHint') : t('admin.users.passwordHint')}
        >
          <input
            data-testid="user-password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => update({ password: e.target.value })}
          />
        </AdminField>
        {user && (
          <AdminField label={t('admin.users.status')} path="active" errors={errors}>
            <span className="checkbox-field">
              <input
                data-testid="user-active"
                type="checkbox"
                checked={draft.active}
                onChange={(e) => update({ active: e.target.checked })}
              />
              {t('admin.users.activeLabel')}
            </span>
          </AdminField>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="user-save" disabled={save.isPending}>
          {user ? t('admin.save') : t('admin.users.create')}
        </button>
      </div>
      <SaveStatus error={save.error} saved={save.isSuccess} />
    </form>
  );
}
