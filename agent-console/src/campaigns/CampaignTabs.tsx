import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The page header of Mass SMS with its two views: the campaigns and their statistics. */
export function CampaignTabs({ current }: { current: 'list' | 'stats' }) {
  const { t } = useTranslation();
  return (
    <header className="page__header">
      <h1>{t('campaigns.title')}</h1>
      <p className="muted">{t('campaigns.intro')}</p>
      <nav className="tabs" aria-label={t('campaigns.tabsLabel')}>
        <Link
          to="/campaigns"
          className="tabs__tab"
          data-testid="campaigns-tab-list"
          aria-current={current === 'list' ? 'page' : undefined}
          activeOptions={{ exact: true }}
        >
          {t('campaigns.listTab')}
        </Link>
        <Link
          to="/campaigns/stats"
          className="tabs__tab"
          data-testid="campaigns-tab-stats"
          aria-current={current === 'stats' ? 'page' : undefined}
        >
          {t('campaigns.statsTab')}
        </Link>
      </nav>
    </header>
  );
}
