import { useTranslation } from 'react-i18next';
import { AppLink } from '../navigation/AppLink';
import { CAMPAIGN_STATS_PATH, PAGE_PATHS } from '../navigation/routes';

/** The page header of Mass SMS with its two views: the campaigns and their statistics. */
export function CampaignTabs({ current }: { current: 'list' | 'stats' }) {
  const { t } = useTranslation();
  return (
    <header className="page__header">
      <h1>{t('campaigns.title')}</h1>
      <p className="muted">{t('campaigns.intro')}</p>
      <nav className="tabs" aria-label={t('campaigns.tabsLabel')}>
        <AppLink
          to={PAGE_PATHS.campaigns}
          className="tabs__tab"
          testId="campaigns-tab-list"
          current={current === 'list'}
        >
          {t('campaigns.listTab')}
        </AppLink>
        <AppLink
          to={CAMPAIGN_STATS_PATH}
          className="tabs__tab"
          testId="campaigns-tab-stats"
          current={current === 'stats'}
        >
          {t('campaigns.statsTab')}
        </AppLink>
      </nav>
    </header>
  );
}
