import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import './surveys.css';

const TABS = [
  { id: 'lowScores', to: '/surveys' },
  { id: 'returnVisits', to: '/surveys/return-visits' },
  { id: 'atRisk', to: '/surveys/at-risk' },
  { id: 'reports', to: '/surveys/reports' },
] as const;

export type SurveyTab = (typeof TABS)[number]['id'];

/** The header of the supervisors' survey pages, with a tab (an address of its own) for each. */
export function SurveyTabs({ current }: { current: SurveyTab }) {
  const { t } = useTranslation();
  return (
    <header className="page__header">
      <h1>{t('surveys.tabs.title')}</h1>
      <p className="muted">{t('surveys.tabs.intro')}</p>
      <nav className="tabs" aria-label={t('surveys.tabs.label')}>
        {TABS.map((tab) => (
          <Link
            key={tab.id}
            to={tab.to}
            className="tabs__tab"
            data-testid={`surveys-tab-${tab.id}`}
            aria-current={current === tab.id ? 'page' : undefined}
            activeOptions={{ exact: true }}
          >
            {t(`surveys.tabs.${tab.id}`)}
          </Link>
        ))}
      </nav>
    </header>
  );
}
