import type { UserView } from '../../../server/http/apiTypes';
import { AccountPage } from '../account/AccountPage';
import { InboxPage } from '../inbox/InboxPage';
import type { Page } from '../navigation/routes';
import { SupervisorMonitorPage } from '../supervisor/SupervisorMonitorPage';

export function PageContent({ page, user }: { page: Page; user: UserView }) {
  switch (page) {
    case 'inbox':
      return <InboxPage />;
    case 'supervisor':
      return <SupervisorMonitorPage />;
    case 'account':
      return <AccountPage user={user} />;
  }
}
