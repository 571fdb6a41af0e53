import { Link, useLocation, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { NavigationEntry } from '../router/routeTree';

interface Props {
  entries: readonly NavigationEntry[];
  /** Closes the collapsed navigation on narrow screens once a page is chosen. */
  onNavigate?: () => void;
}

/** The pages this user may open; the one the open route belongs under is marked current. */
export function SideNavigation({ entries, onNavigate }: Props) {
  const { t } = useTranslation();
  const router = useRouter();
  // From the address, as Link judges it too: the mark moves at once, not only when the new page has loaded.
  const pathname = useLocation({ select: (location) => location.pathname });
  const current = router.getMatchedRoutes(pathname)[2]?.options.staticData?.navPage;
  return (
    <ul>
      {entries.map(({ page, to }) => (
        <li key={page}>
          <Link
            to={to}
            className="nav-link"
            // The entry stays marked on the pages beneath it too: a ticket under the inbox, a campaign under Mass SMS.
            activeOptions={{ exact: true }}
            aria-current={page === current ? 'page' : undefined}
            onClick={onNavigate}
          >
            {t(`nav.${page}`)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
