import { useTranslation } from 'react-i18next';
import { getQueues } from '../api/directoryEndpoints';
import { getIvr, listBusinessHours } from '../api/ivrEndpoints';
import { LoadStatus } from '../data/LoadStatus';
import { useServerData } from '../data/useServerData';
import { useRealtime } from '../realtime/realtimeContext';
import { IvrEditor } from './IvrEditor';

// Read once: a reconnect must not replace what the admin is in the middle of editing.
const ONCE = 0;

/** Admins: the phone line callers reach — greeting, messages, business hours and the menu tree. */
export function IvrPage() {
  const { t } = useTranslation();
  const { connectionGeneration } = useRealtime();
  const ivr = useServerData(getIvr, ONCE);
  const queues = useServerData(getQueues, connectionGeneration);
  const hours = useServerData(listBusinessHours, connectionGeneration);
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
    </section>
  );
}
