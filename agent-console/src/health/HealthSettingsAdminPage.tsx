import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../admin/SaveStatus';
import { useHealthSettings } from '../surveys/surveyAdminQueries';
import { HealthSettingsForm } from './HealthSettingsForm';
import '../admin/admin.css';

/** Admins: the rules, weights and threshold of the customer health score. */
export function HealthSettingsAdminPage() {
  const { t } = useTranslation();
  const settings = useHealthSettings();
  return (
    <section className="page page--wide" data-testid="admin-health-page">
      <header className="page__header">
        <h1>{t('customerHealth.admin.title')}</h1>
        <p className="muted">{t('customerHealth.admin.intro')}</p>
      </header>
      <QueryStatus pending={!settings.data} error={settings.error} />
      {/* Read once: a save re-reads the settings, which must not reset what is being typed. */}
      {settings.data && <HealthSettingsForm settings={settings.data.settings} />}
    </section>
  );
}
