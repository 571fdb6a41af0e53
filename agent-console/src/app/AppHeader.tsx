import { useTranslation } from 'react-i18next';
import type { Locale, Presence, UserView } from '../../../server/http/apiTypes';
import { EnableNotificationsButton } from '../offers/EnableNotificationsButton';
import { PresenceSwitch } from '../presence/PresenceSwitch';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutButton } from './SignOutButton';

interface Props {
  user: UserView;
  onPresenceChange: (presence: Presence) => Promise<void>;
  onLocaleChosen: (locale: Locale) => void;
  onSignOut: () => Promise<void>;
}

export function AppHeader({ user, onPresenceChange, onLocaleChosen, onSignOut }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <span className="app-header__brand">{t('app.name')}</span>
      <ConnectionStatus />
      <div className="app-header__controls">
        <EnableNotificationsButton />
        <PresenceSwitch presence={user.presence} onChange={onPresenceChange} />
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
