import { Outlet } from '@tanstack/react-router';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Presence } from '../../../server/http/apiTypes';
import { setLocale, setPresence } from '../api/endpoints';
import { ScreenPopHost } from '../offers/ScreenPopHost';
import { withLatestPresence } from '../presence/latestPresence';
import { useRealtimeInvalidation } from '../realtime/useRealtimeInvalidation';
import { visibleNavigation } from '../router/access';
import { NAVIGATION } from '../router/routeTree';
import { SlaAlarmHost } from '../sla/SlaAlarmHost';
import { enabledSimulatorTabs } from '../simulator/simulatorTabs';
import { SurveyAlerts } from '../surveys/SurveyAlerts';
import { useSimulatorStatus } from '../simulator/useSimulatorStatus';
import { CallBar } from '../voice/CallBar';
import { BeingMonitoredNotice } from '../wall/BeingMonitoredNotice';
import { AppHeader } from './AppHeader';
import { useSession } from './session';
import { SideNavigation } from './SideNavigation';
import { useSessionSync } from './useSessionSync';

/** The frame of every signed-in page (the router's root): header, navigation, call bar, the page, screen pops. */
export function SignedInLayout() {
  const { t } = useTranslation();
  const { user, updateUser, signOut } = useSession();
  useSessionSync(updateUser);
  useRealtimeInvalidation(user.id);
  const simulator = useSimulatorStatus();
  const navId = useId();
  // Narrow screens fold the navigation behind a button in the header.
  const [navOpen, setNavOpen] = useState(false);

  const changePresence = useCallback(
    async (presence: Presence, reason: string | null) => {
      const view = await setPresence(presence, reason);
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

  const entries = visibleNavigation(NAVIGATION, user.role, {
    simulator: enabledSimulatorTabs(simulator.data).length > 0,
  });

  return (
    <div className="app-shell">
      <AppHeader
        user={user}
        onPresenceChange={changePresence}
        onLocaleChosen={saveLocale}
        onSignOut={signOut}
        navToggle={{ controls: navId, open: navOpen, onToggle: () => setNavOpen((open) => !open) }}
      />
      <nav id={navId} className="side-nav" data-open={navOpen} aria-label={t('nav.label')}>
        <SideNavigation entries={entries} onNavigate={() => setNavOpen(false)} />
      </nav>
      <main className="app-content">
        <CallBar user={user} />
        <BeingMonitoredNotice />
        <Outlet />
      </main>
      <ScreenPopHost />
      <SurveyAlerts />
      <SlaAlarmHost />
    </div>
  );
}
