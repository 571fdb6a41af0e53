import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { useQueues } from '../data/directoryQueries';
import { AgentsSection } from './AgentsSection';
import { ContactsSection } from './ContactsSection';
import type { ReportQuery } from './reportEndpoints';
import { ReportFilters } from './ReportFilters';
import './reports.css';
import { ServiceSection } from './ServiceSection';
import { SlaSection } from './SlaSection';
import { SurveySection } from './SurveySection';
import { useReports } from './useReports';

/** Today by the hour, in the browser's time zone: the figures a supervisor compares with the live wall. */
function initialQuery(): ReportQuery {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return { from: today, to: today, interval: '60m', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

/** Supervisors and admins: contacts, service level, agents, SLA and surveys over a range, as charts, tables and CSV. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<ReportQuery>(initialQuery);
  const valid = query.from !== '' && query.to !== '' && query.from <= query.to;
  const { contacts, agents } = useReports(valid ? query : null);
  const queues = useQueues();

  return (
    <section className="page page--wide" data-testid="reports-page" data-interval={query.interval}>
      <header className="page__header">
        <h1>{t('reports.title')}</h1>
        <p className="muted">{t('reports.intro', { timezone: query.timezone })}</p>
      </header>
      <ReportFilters query={query} onChange={setQuery} queues={queues.data?.queues ?? []} />
      {!valid && (
        <p role="alert" className="notice notice--error">
          {t('reports.invalidRange')}
        </p>
      )}
      {valid && (
        <>
          <LoadStatus data={contacts.data} error={contacts.error} />
          {contacts.data && contacts.data.rows.length === 0 && (
            <p className="muted" data-testid="reports-empty">
              {t('reports.empty')}
            </p>
          )}
          {contacts.data && contacts.data.rows.length > 0 && (
            <>
              <ContactsSection report={contacts.data} />
              <ServiceSection report={contacts.data} />
            </>
          )}
          <LoadStatus data={agents.data} error={agents.error} />
          {agents.data && agents.data.rows.length > 0 && <AgentsSection report={agents.data} />}
          <SlaSection query={query} />
          <SurveySection query={query} />
        </>
      )}
    </section>
  );
}
