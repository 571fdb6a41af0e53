import type { UserView } from '../../../server/http/apiTypes';
import { AccountPage } from '../account/AccountPage';
import { CustomerPage } from '../customers/CustomerPage';
import { CustomerSearchPage } from '../customers/CustomerSearchPage';
import { InboxPage } from '../inbox/InboxPage';
import type { Route } from '../navigation/routes';
import { SupervisorMonitorPage } from '../supervisor/SupervisorMonitorPage';
import { TicketPage } from '../tickets/TicketPage';

export function PageContent({ route, user }: { route: Route; user: UserView }) {
  switch (route.page) {
    case 'inbox':
      return <InboxPage />;
    case 'ticket':
      // Keyed, so moving to another ticket starts from a clean page instead of showing the previous one.
      return <TicketPage key={route.ticketId} ticketId={route.ticketId} user={user} />;
    case 'customers':
      return <CustomerSearchPage />;
    case 'customer':
      return <CustomerPage key={route.customerId} customerId={route.customerId} />;
    case 'supervisor':
      return <SupervisorMonitorPage />;
    case 'account':
      return <AccountPage user={user} />;
  }
}
