import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type BusinessHoursView, type QueueView, type SkillView, type TeamView } from './adminApi';
import { useAdminMutation } from './adminQueries';
import { AdminField } from './AdminField';
import { CheckboxList } from './CheckboxList';
import { errorsByPath } from './fieldErrors';
import { HoursLabel } from './HoursLabel';
import { newQueueDraft, queueDraft, queueInputOf, type QueueDraft } from './queueDraft';
import { SaveStatus } from './SaveStatus';

interface Props {
  /** null: a new queue. */
  queue: QueueView | null;
  queues: QueueView[];
  teams: TeamView[];
  skills: SkillView[];
  businessHours: BusinessHoursView[];
  onCreated: (id: string) => void;
}

const CHANNELS = ['voice', 'sms', 'email'] as const;

/** A queue's settings: who may take its contacts (skills, team), when it is open, where it overflows, its priority. */
export function QueueForm({ queue, queues, teams, skills, businessHours, onCreated }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<QueueDraft>(() => (queue ? queueDraft(queue) : newQueueDraft()));
  const update = (change: Partial<QueueDraft>) => setDraft((current) => ({ ...current, ...change }));
  const save = useAdminMutation(
    (value: QueueDraft) =>
      queue ? adminApi.updateQueue(queue.id, queueInputOf(value)) : adminApi.createQueue(queueInputOf(value)),
    ({ id }) => {
      if (!queue) onCreated(id);
    },
  );
  const errors = errorsByPath(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  const hours = businessHours.find((h) => h.id === draft.businessHoursId) ?? null;

  return (
    <form className="form card card--wide admin-form" data-testid="queue-form" onSubmit={submit} noValidate>
      <h2>{queue ? queue.name : t('admin.queues.new')}</h2>
      <div className="form__row">
        <AdminField label={t('admin.queues.name')} path="name" errors={errors}>
          <input data-testid="queue-name" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
        </AdminField>
        <AdminField label={t('admin.queues.team')} path="teamId" errors={errors}>
          <select data-testid="queue-team" value={draft.teamId} onChange={(e) => update({ teamId: e.target.value })}>
            <option value="">{t('admin.queues.noTeam')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </AdminField>
      </div>
      <CheckboxList
        legend={t('admin.queues.skills')}
        path="skills"
        testId="queue-skills"
        options={skills.map((skill) => ({ value: skill.name, label: `${skill.label} (${skill.name})` }))}
        chosen={draft.skills}
        onChange={(chosen) => update({ skills: chosen })}
        errors={errors}
        empty={t('admin.users.noSkills')}
      />
      <AdminField label={t('admin.queues.businessHours')} path="businessHoursId" errors={errors}>
        <select
          data-testid="queue-hours"
          value={draft.businessHoursId}
          onChange={(e) => update({ businessHoursId: e.target.value })}
        >
          <option value="">{t('admin.hours.noHours')}</option>
          {businessHours.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name} ({h.timezone})
            </option>
          ))}
        </select>
      </AdminField>
      <p className="muted small" data-testid="queue-hours-summary">
        <HoursLabel hours={hours} />
      </p>
      <div className="form__row">
        <AdminField label={t('admin.queues.overflowQueue')} path="overflowQueueId" errors={errors}>
          <select
            data-testid="queue-overflow"
            value={draft.overflowQueueId}
            onChange={(e) => update({ overflowQueueId: e.target.value })}
          >
            <option value="">{t('admin.queues.noOverflow')}</option>
            {queues
              .filter((other) => other.id !== queue?.id)
              .map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
          </select>
        </AdminField>
        <AdminField
          label={t('admin.queues.overflowAfter')}
          path="overflowAfterSeconds"
          errors={errors}
          hint={t('admin.queues.overflowAfterHint')}
        >
          <input
            data-testid="queue-overflow-after"
            type="number"
            min={1}
            disabled={!draft.overflowQueueId}
            value={draft.overflowAfterSeconds}
            onChange={(e) => update({ overflowAfterSeconds: e.target.value })}
          />
        </AdminField>
        <AdminField
          label={t('admin.queues.priority')}
          path="priority"
          errors={errors}
          hint={t('admin.queues.priorityHint')}
        >
          <input
            data-testid="queue-priority"
            type="number"
            min={0}
            max={100}
            value={draft.priority}
            onChange={(e) => update({ priority: e.target.value })}
          />
        </AdminField>
      </div>
      <CheckboxList
        legend={t('admin.queues.entryFor')}
        path="entryForChannels"
        testId="queue-entry"
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
        chosen={draft.entryForChannels}
        onChange={(chosen) => update({ entryForChannels: chosen as QueueDraft['entryForChannels'] })}
        errors={errors}
      />
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="queue-blend"
          checked={draft.blendWithCalls}
          onChange={(e) => update({ blendWithCalls: e.target.checked })}
        />
        {t('admin.queues.blend')}
      </label>
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="queue-save" disabled={save.isPending}>
          {queue ? t('admin.save') : t('admin.queues.create')}
        </button>
      </div>
      <SaveStatus error={save.error} saved={save.isSuccess} />
    </form>
  );
}
