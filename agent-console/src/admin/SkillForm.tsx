import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type SkillView } from './adminApi';
import { useAdminMutation } from './adminQueries';
import { AdminField } from './AdminField';
import { DeleteButton } from './DeleteButton';
import { errorsByPath } from './fieldErrors';
import { SaveStatus } from './SaveStatus';

/** A skill's name (what the API and routing call it) and label (what people read); deleting it. */
export function SkillForm({ skill, onDeleted }: { skill: SkillView; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ name: skill.name, label: skill.label });
  const save = useAdminMutation(() => adminApi.updateSkill(skill.id, draft));
  const remove = useAdminMutation(() => adminApi.deleteSkill(skill.id), onDeleted);
  const errors = errorsByPath(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <form className="form card card--wide admin-form" data-testid="skill-form" onSubmit={submit} noValidate>
      <h2>{skill.label}</h2>
      <p className="muted small">
        {t('admin.skills.usage', { agents: skill.agentCount, queues: skill.queueIds.length })}
      </p>
      <div className="form__row">
        <AdminField label={t('admin.skills.name')} path="name" errors={errors} hint={t('admin.skills.nameHint')}>
          <input
            data-testid="skill-name"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </AdminField>
        <AdminField label={t('admin.skills.label')} path="label" errors={errors}>
          <input
            data-testid="skill-label"
            value={draft.label}
            onChange={(e) => setDraft({ ...draft, label: e.target.value })}
          />
        </AdminField>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="skill-save" disabled={save.isPending}>
          {t('admin.save')}
        </button>
        <DeleteButton what={skill.name} testId="skill-delete" onDelete={() => remove.mutate(undefined)} />
      </div>
      <SaveStatus error={save.error ?? remove.error} saved={save.isSuccess} />
    </form>
  );
}
