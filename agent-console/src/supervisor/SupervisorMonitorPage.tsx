import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { useNow } from '../format/useNow';
import { useRealtime } from '../realtime/realtimeContext';
import { LiveWallSection } from '../wall/LiveWallSection';
import '../wall/wall.css';
import { AgentGrid } from './AgentGrid';
import { MailboxHealthSection } from './MailboxHealthSection';
import { useAgentGrid } from './useAgentGrid';
import { useLiveCalls, useWaitingContacts } from './useWaitingContacts';
import { WaitingContactsTable } from './WaitingContactsTable';

/** Supervisors: the live wall of their teams' queues, who waits, every agent's state, and mail health. */
export function SupervisorMonitorPage() {
  const { t } = useTranslation();
  const { state } = useRealtime();
  const grid = useAgentGrid();
  const waiting = useWaitingContacts();
  const calls = useLiveCalls();
  const now = useNow(1_000);
  const agentChoices = (grid.agents ?? []).map(({ id, name }) => ({ id, name }));

  return (
    <section className="page page--wide" data-testid="supervisor-wall">
      <header className="page__header wall-header">
        <div>
          <h1>{t('wall.title')}</h1>
          <p className="muted">{t('wall.intro')}</p>
        </div>
        <Link to="/supervisor/wallboard" className="button" data-testid="open-wallboard">
          {t('wall.openWallboard')}
        </Link>
      </header>
      {state !== 'connected' && (
        <p className="notice" data-testid="wall-stale">
          {t('wall.stale')}
        </p>
      )}
      <LiveWallSection />

      <h2>{t('waiting.heading')}</h2>
      <LoadStatus data={waiting.data} error={waiting.error} />
      {waiting.data && <WaitingContactsTable contacts={waiting.data.contacts} agents={agentChoices} now={now} />}

      <h2>{t('agentGrid.heading')}</h2>
      <LoadStatus data={grid.data} error={grid.error} />
      {grid.agents && (
        <AgentGrid agents={grid.agents} calls={calls.data?.calls ?? null} now={now} onAgentChanged={grid.applyRow} />
      )}
      <MailboxHealthSection now={now} />
    </section>
  );
}
