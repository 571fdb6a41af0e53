import { useTranslation } from 'react-i18next';
import { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '../../../server/http/apiTypes';
import { useAgents, useQueues } from '../data/directoryQueries';
import { useTags } from '../tags/tagQueries';
import { hasFilters, NO_FILTERS, type TicketViewFilters } from './ticketViewQuery';

interface Props {
  filters: TicketViewFilters;
  onChange: (filters: TicketViewFilters) => void;
}

type ListKey = 'status' | 'channel' | 'priority';
type TextKey = 'queueId' | 'assigneeId' | 'tag' | 'createdFrom' | 'createdTo';

/** Status, channel, priority, queue, assignee, tag and creation dates; one choice each ("any" clears it). */
export function ViewFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const queues = useQueues().data?.queues ?? [];
  const agents = useAgents().data?.agents ?? [];
  const tags = useTags().data?.tags ?? [];

  const setList = (key: ListKey, value: string) => onChange({ ...filters, [key]: value ? [value] : [] });
  const setText = (key: TextKey, value: string) => onChange({ ...filters, [key]: value });

  const listSelect = (key: ListKey, values: readonly string[], label: (v: string) => string) => (
    <label className="inline-field">
      <span>{t(`ticketViews.filter.${key}`)}</span>
      <select
        data-testid={`view-filter-${key}`}
        value={filters[key][0] ?? ''}
        onChange={(event) => setList(key, event.target.value)}
      >
        <option value="">{t('ticketViews.filter.any')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {label(value)}
          </option>
        ))}
      </select>
    </label>
  );

  const choiceSelect = (key: 'queueId' | 'assigneeId' | 'tag', choices: { id: string; name: string }[]) => (
    <label className="inline-field">
      <span>{t(`ticketViews.filter.${key}`)}</span>
      <select
        data-testid={`view-filter-${key}`}
        value={filters[key]}
        onChange={(event) => setText(key, event.target.value)}
      >
        <option value="">{t('ticketViews.filter.any')}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <fieldset className="view-filters" data-testid="view-filters">
      <legend className="visually-hidden">{t('ticketViews.filter.legend')}</legend>
      {listSelect('status', TICKET_STATUSES, (v) => t(`ticketStatus.${v}` as 'ticketStatus.open'))}
      {listSelect('channel', CHANNELS, (v) => t(`channel.${v}` as 'channel.sms'))}
      {listSelect('priority', TICKET_PRIORITIES, (v) => t(`ticketPriority.${v}` as 'ticketPriority.low'))}
      {choiceSelect('queueId', queues)}
      {choiceSelect('assigneeId', agents)}
      {choiceSelect('tag', tags)}
      {(['createdFrom', 'createdTo'] as const).map((key) => (
        <label className="inline-field" key={key}>
          <span>{t(`ticketViews.filter.${key}`)}</span>
          <input
            type="date"
            data-testid={`view-filter-${key}`}
            value={filters[key]}
            onChange={(event) => setText(key, event.target.value)}
          />
        </label>
      ))}
      {hasFilters({ ...filters, q: '' }) && (
        <button
          type="button"
          className="button"
          data-testid="view-filters-clear"
          onClick={() => onChange({ ...NO_FILTERS, view: filters.view, q: filters.q })}
        >
          {t('ticketViews.filter.clear')}
        </button>
      )}
    </fieldset>
  );
}
