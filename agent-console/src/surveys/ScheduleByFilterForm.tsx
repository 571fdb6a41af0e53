import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../server/http/apiTypes';
import { AdminField } from '../admin/AdminField';
import { errorsByPath } from '../admin/fieldErrors';
import { SaveStatus } from '../admin/SaveStatus';
import { useAgents, useQueues } from '../data/directoryQueries';
import { lastDaysUtc } from './reportRange';
import {
  newReturnVisitDraft,
  scheduleInputOf,
  type ReturnVisitDraft,
  type ReturnVisitFilterDraft,
} from './returnVisitDraft';
import { ReturnVisitFields } from './ReturnVisitFields';
import { ScheduleResult } from './ScheduleResult';
import { CONTACT_CHANNELS } from './surveyChoices';
import { useScheduleReturnVisits } from './surveyQueries';

/** Supervisors: a return visit (回访) for every resolved ticket that matches a filter, in one go. */
export function ScheduleByFilterForm() {
  const { t } = useTranslation();
  const queues = useQueues();
  const agents = useAgents();
  const [filter, setFilter] = useState<ReturnVisitFilterDraft>(() => {
    const { from, to } = lastDaysUtc(7);
    return { resolvedFrom: from, resolvedTo: to, queueId: '', channel: '', assigneeId: '' };
  });
  const [draft, setDraft] = useState<ReturnVisitDraft>(newReturnVisitDraft);
  const schedule = useScheduleReturnVisits();
  const errors = errorsByPath(schedule.error);
  const change = (update: Partial<ReturnVisitFilterDraft>) => setFilter((current) => ({ ...current, ...update }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate(scheduleInputOf(draft, { filter }));
  };

  return (
    <form className="form card card--wide" data-testid="schedule-by-filter" onSubmit={submit} noValidate>
      <h2>{t('surveys.returnVisits.schedule.heading')}</h2>
      <p className="muted small">{t('surveys.returnVisits.schedule.intro')}</p>
      <div className="form__row">
        <AdminField label={t('surveys.returnVisits.schedule.resolvedFrom')} path="filter.resolvedFrom" errors={errors}>
          <input
            type="date"
            data-testid="return-visit-from"
            value={filter.resolvedFrom}
            max={filter.resolvedTo}
            onChange={(e) => change({ resolvedFrom: e.target.value })}
          />
        </AdminField>
        <AdminField label={t('surveys.returnVisits.schedule.resolvedTo')} path="filter.resolvedTo" errors={errors}>
          <input
            type="date"
            data-testid="return-visit-to"
            value={filter.resolvedTo}
            min={filter.resolvedFrom}
            onChange={(e) => change({ resolvedTo: e.target.value })}
          />
        </AdminField>
      </div>
      <div className="form__row">
        <AdminField label={t('surveys.returnVisits.schedule.queue')} path="filter.queueId" errors={errors}>
          <select
            data-testid="return-visit-queue"
            value={filter.queueId}
            onChange={(e) => change({ queueId: e.target.value })}
          >
            <option value="">{t('surveys.returnVisits.schedule.any')}</option>
            {queues.data?.queues.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </select>
        </AdminField>
        <AdminField label={t('surveys.returnVisits.schedule.channel')} path="filter.channel" errors={errors}>
          <select
            data-testid="return-visit-channel"
            value={filter.channel}
            onChange={(e) => change({ channel: e.target.value as Channel | '' })}
          >
            <option value="">{t('surveys.returnVisits.schedule.any')}</option>
            {CONTACT_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channel.${channel}`)}
              </option>
            ))}
          </select>
        </AdminField>
        <AdminField label={t('surveys.returnVisits.schedule.agent')} path="filter.assigneeId" errors={errors}>
          <select
            data-testid="return-visit-agent"
            value={filter.assigneeId}
            onChange={(e) => change({ assigneeId: e.target.value })}
          >
            <option value="">{t('surveys.returnVisits.schedule.any')}</option>
            {agents.data?.agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        </AdminField>
      </div>
      <ReturnVisitFields
        draft={draft}
        onChange={(update) => setDraft((current) => ({ ...current, ...update }))}
        errors={errors}
      />
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          data-testid="return-visit-filter-submit"
          disabled={schedule.isPending}
        >
          {schedule.isPending
            ? t('surveys.returnVisits.schedule.scheduling')
            : t('surveys.returnVisits.schedule.submit')}
        </button>
      </div>
      <SaveStatus error={schedule.error} saved={false} />
      {schedule.data && <ScheduleResult result={schedule.data} />}
    </form>
  );
}
