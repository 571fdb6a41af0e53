import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueueHoursPanel } from '../admin/QueueHoursPanel';
import { getIvr, listBusinessHours } from '../api/ivrEndpoints';
import { useQueues } from '../data/directoryQueries';
import { LoadStatus } from '../data/LoadStatus';
import { queryKeys } from '../data/queryKeys';
import { IvrEditor } from './IvrEditor';

/** Admins: the phone line callers reach — greeting, messages, business hours and the menu tree. */
export function IvrPage() {
  const { t } = useTranslation();
  // The editor copies the settings into its draft once: a later re-read never replaces what the admin is editing.
  const ivr = useQuery({ queryKey: queryKeys.ivr, queryFn: getIvr });
  const queues = useQueues();
  const hours = useQuery({ queryKey: queryKeys.businessHours, queryFn: listBusinessHours });
  const ready = ivr.data && queues.data && hours.data;

  return (
    <section className="page page--wide" data-testid="ivr-page">
      <header className="page__header">
        <h1>{t('ivr.title')}</h1>
        <p className="muted">{t('ivr.intro')}</p>
      </header>
      <LoadStatus data={ready ? true : null} error={ivr.error ?? queues.error ?? hours.error} />
      {ready && (
        <IvrEditor ivr={ivr.data!.ivr} queues={queues.data!.queues} businessHours={hours.data!.businessHours} />
      )}
      <QueueHoursPanel />
    </section>
  );
}
