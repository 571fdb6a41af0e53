import { useTranslation } from 'react-i18next';
import type { Locale, Presence, UserView } from '../../../server/http/apiTypes';
import { EnableNotificationsButton } from '../offers/EnableNotificationsButton';
import { PresenceSwitch } from '../presence/PresenceSwitch';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutButton } from './SignOutButton';

interface Props {
  user: UserView;
  onPresenceChange: (presence: Presence, reason: string | null) => Promise<void>;
  onLocaleChosen: (locale: Locale) => void;
  onSignOut: () => Promise<void>;
  /** The button that opens the navigation where the screen is too narrow to show it beside the page. */
  navToggle: { controls: string; open: boolean; onToggle: () => void };
}

export function AppHeader({ user, onPresenceChange, onLocaleChosen, onSignOut, navToggle }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <button
        type="button"
        className="app-header__menu"
        data-testid="nav-toggle"
        aria-controls={navToggle.controls}
        aria-expanded={navToggle.open}
        onClick={navToggle.onToggle}
      >
        <span aria-hidden="true">☰</span>
        <span className="visually-hidden">{t('nav.menu')}</span>
      </button>
      <span className="app-header__brand">{t('app.name')}</span>
      <ConnectionStatus />
      <div className="app-header__controls">
        <EnableNotificationsButton />
        <PresenceSwitch presence={user.presence} awayReason={user.awayReason} onChange={onPresenceChange} />
        <LanguageSwitch onLocaleChosen={onLocaleChosen} />
        <span className="app-header__user" data-testid="current-user">
          <span className="app-header__user-name">{user.name}</span>
          <span className="app-header__user-role" data-testid="current-user-role" data-role={user.role}>
            {t(`role.${user.role}`)}
          </span>
        </span>
        <SignOutButton onSignOut={onSignOut} />
      </div>
    </header>
  );
}
