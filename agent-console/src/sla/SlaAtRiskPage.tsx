import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { SlaAtRiskTable } from './SlaAtRiskTable';
import { useSlaAtRisk } from './useSlaAtRisk';
import './sla.css';

/** Supervisors: every open ticket due soon or overdue, kept live by SLA alarms and ticket changes. */
export function SlaAtRiskPage() {
  const { t } = useTranslation();
  const atRisk = useSlaAtRisk();
  const tickets = atRisk.data?.tickets;
  return (
    <section className="page page--wide" data-testid="sla-at-risk-page">
      <header className="page__header">
        <h1>{t('sla.atRisk.title')}</h1>
        <p className="muted">{t('sla.atRisk.intro')}</p>
      </header>
      <LoadStatus data={atRisk.data} error={atRisk.error} />
      {tickets &&
        (tickets.length === 0 ? (
          <p className="muted" data-testid="sla-at-risk-empty">
            {t('sla.atRisk.empty')}
          </p>
        ) : (
          <SlaAtRiskTable tickets={tickets} />
        ))}
    </section>
  );
}
