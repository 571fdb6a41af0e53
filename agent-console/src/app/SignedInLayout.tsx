import { useCallback, useEffect } from 'react';
import type { Locale, Presence, UserView } from '../../../server/http/apiTypes';
import { setLocale, setPresence } from '../api/endpoints';
import { NavigationContext } from '../navigation/navigationContext';
import { navigationPageOf, pagesFor, resolveRoute } from '../navigation/routes';
import { SideNavigation } from '../navigation/SideNavigation';
import { useLocationPath } from '../navigation/useLocationPath';
import { ScreenPopHost } from '../offers/ScreenPopHost';
import { withLatestPresence } from '../presence/latestPresence';
import { enabledSimulatorTabs } from '../simulator/simulatorTabs';
import { useSimulatorStatus } from '../simulator/useSimulatorStatus';
import { CallBar } from '../voice/CallBar';
import type { UpdateUser } from './App';
import { AppHeader } from './AppHeader';
import { PageContent } from './PageContent';
import { useSessionSync } from './useSessionSync';

interface Props {
  user: UserView;
  updateUser: UpdateUser;
  onSignOut: () => Promise<void>;
}

export function SignedInLayout({ user, updateUser, onSignOut }: Props) {
  useSessionSync(updateUser);
  const [path, navigate] = useLocationPath();
  const route = resolveRoute(path, user.role);
  const simulator = useSimulatorStatus();

  useEffect(() => {
    if (route.path !== path) navigate(route.path, { replace: true });
  }, [route.path, path, navigate]);

  const changePresence = useCallback(
    async (presence: Presence) => {
      const view = await setPresence(presence);
      updateUser((known) => withLatestPresence(known, view));
    },
    [updateUser],
  );

  const saveLocale = useCallback(
    (locale: Locale) => {
      // The language is already switched locally; if saving fails it just won't follow the user to the next sign-in.
      setLocale(locale).then(
        () => updateUser((known) => ({ ...known, locale })),
        () => undefined,
      );
    },
    [updateUser],
  );

  return (
    <NavigationContext.Provider value={navigate}>
      <div className="app-shell">
        <AppHeader user={user} onPresenceChange={changePresence} onLocaleChosen={saveLocale} onSignOut={onSignOut} />
        <SideNavigation
          pages={pagesFor(user.role, { simulator: enabledSimulatorTabs(simulator.data).length > 0 })}
          current={navigationPageOf(route)}
          navigate={navigate}
        />
        <main className="app-content">
          <CallBar user={user} />
          <PageContent route={route} user={user} simulator={simulator} />
        </main>
        <ScreenPopHost />
      </div>
    </NavigationContext.Provider>
  );
}
