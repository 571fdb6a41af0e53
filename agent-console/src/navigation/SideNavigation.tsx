import { useTranslation } from 'react-i18next';
import { NavLink } from './NavLink';
import { PAGE_PATHS, type Page } from './routes';
import type { Navigate } from './useLocationPath';

interface Props {
  pages: Page[];
  current: Page;
  navigate: Navigate;
}

export function SideNavigation({ pages, current, navigate }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {pages.map((page) => (
          <li key={page}>
            <NavLink to={PAGE_PATHS[page]} current={page === current} navigate={navigate}>
              {t(`nav.${page}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
