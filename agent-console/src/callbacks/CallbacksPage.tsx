import { useTranslation } from 'react-i18next';
import { useQueues } from '../data/directoryQueries';
import { LoadStatus } from '../data/LoadStatus';
import { CallbackList } from './CallbackList';
import { CLOSED_STATUSES, OPEN_STATUSES, splitCallbacks } from './callbackSchedule';
import { useCallbacks } from './useCallbacks';

const STATUSES = [...OPEN_STATUSES, ...CLOSED_STATUSES];

/** Callbacks still to be made (soonest first) and those that are over (latest first), with attempts and outcomes. */
export function CallbacksPage() {
  const { t } = useTranslation();
  const callbacks = useCallbacks({ statuses: STATUSES });
  const queues = useQueues();
  const { open, recent } = splitCallbacks(callbacks.data ?? []);
  const queueList = queues.data?.queues ?? [];

  return (
    <section className="page page--wide" data-testid="callbacks-page">
      <header className="page__header">
        <h1>{t('callbacks.title')}</h1>
        <p className="muted">{t('callbacks.intro')}</p>
      </header>
      <LoadStatus data={callbacks.data} error={callbacks.error} />
      {callbacks.data && (
        <>
          <h2>{t('callbacks.openHeading')}</h2>
          {open.length === 0 ? (
            <p className="muted" data-testid="callbacks-open-empty">
              {t('callbacks.noOpen')}
            </p>
          ) : (
            <CallbackList callbacks={open} queues={queueList} />
          )}
          <h2>{t('callbacks.recentHeading')}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t('callbacks.noRecent')}</p>
          ) : (
            <CallbackList callbacks={recent} queues={queueList} testId="callback-list-recent" />
          )}
        </>
      )}
    </section>
  );
}
