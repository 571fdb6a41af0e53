import type { SimulatorStatus, UserView } from '../../../server/http/apiTypes';
import { AccountPage } from '../account/AccountPage';
import { CallbacksPage } from '../callbacks/CallbacksPage';
import { CallStatsPage } from '../callStats/CallStatsPage';
import { CampaignReportPage } from '../campaigns/CampaignReportPage';
import { CampaignsPage } from '../campaigns/CampaignsPage';
import { CampaignStatsPage } from '../campaigns/CampaignStatsPage';
import { CustomerPage } from '../customers/CustomerPage';
import { CustomerSearchPage } from '../customers/CustomerSearchPage';
import type { ServerData } from '../data/useServerData';
import { InboxPage } from '../inbox/InboxPage';
import { IvrPage } from '../ivr/IvrPage';
import { MailboxesPage } from '../mailboxes/MailboxesPage';
import type { Route } from '../navigation/routes';
import { SimulatorPage } from '../simulator/SimulatorPage';
import { SupervisorMonitorPage } from '../supervisor/SupervisorMonitorPage';
import { TicketPage } from '../tickets/TicketPage';

interface Props {
  route: Route;
  user: UserView;
  simulator: ServerData<SimulatorStatus>;
}

export function PageContent({ route, user, simulator }: Props) {
  switch (route.page) {
    case 'inbox':
      return <InboxPage userId={user.id} />;
    case 'ticket':
      // Keyed, so moving to another ticket starts from a clean page instead of showing the previous one.
      return <TicketPage key={route.ticketId} ticketId={route.ticketId} user={user} />;
    case 'customers':
      return <CustomerSearchPage />;
    case 'customer':
      return <CustomerPage key={route.customerId} customerId={route.customerId} />;
    case 'supervisor':
      return <SupervisorMonitorPage />;
    case 'campaigns':
      return <CampaignsPage />;
    case 'campaign':
      return <CampaignReportPage key={route.campaignId} campaignId={route.campaignId} />;
    case 'campaignStats':
      return <CampaignStatsPage />;
    case 'mailboxes':
      return <MailboxesPage />;
    case 'phone':
      return <IvrPage />;
    case 'callStats':
      return <CallStatsPage />;
    case 'callbacks':
      return <CallbacksPage />;
    case 'simulator':
      return <SimulatorPage status={simulator} />;
    case 'account':
      return <AccountPage user={user} />;
  }
}
