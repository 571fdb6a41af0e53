import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../admin/SaveStatus';
import { useAdminAwayReasons } from './awayReasonsAdminQueries';
import { AwayReasonsForm } from './AwayReasonsForm';
import '../admin/admin.css';

/** Admins: the away reasons agents and supervisors pick from under Away. */
export function AwayReasonsAdminPage() {
  const { t } = useTranslation();
  const reasons = useAdminAwayReasons();
  return (
    <section className="page page--wide" data-testid="admin-away-reasons-page">
      <header className="page__header">
        <h1>{t('awayReasons.admin.title')}</h1>
        <p className="muted">{t('awayReasons.admin.intro')}</p>
      </header>
      <QueryStatus pending={!reasons.data} error={reasons.error} />
      {/* Read once: a save re-reads the list, which must not reset what is being typed. */}
      {reasons.data && <AwayReasonsForm reasons={reasons.data.reasons} />}
    </section>
  );
}
