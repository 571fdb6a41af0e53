import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../app/session';
import { AuditList } from '../audit/AuditList';
import { CustomerSummary } from '../customers/CustomerSummary';
import { TicketArticleSuggestions } from '../knowledge/TicketArticleSuggestions';
import { optedOutReplyPhone } from '../sms/smsOptOut';
import { TicketSurveyPanel } from '../surveys/TicketSurveyPanel';
import { TicketTags } from '../tags/TicketTags';
import { TicketCalls } from '../voice/TicketCalls';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { TicketControls } from './TicketControls';
import { TicketHeader } from './TicketHeader';
import { TicketLoadStatus } from './TicketLoadStatus';
import { useDirectory } from './useDirectory';
import { useTicketDetail } from './useTicketDetail';

const route = getRouteApi('/tickets/$ticketId');

/** The workspace for one ticket: thread and composer, controls, customer and audit timeline. */
export function TicketPage() {
  const { t } = useTranslation();
  const { ticketId } = route.useParams();
  const user = useCurrentUser();
  const detail = useTicketDetail(ticketId);
  const directory = useDirectory(user);
  const [handedOver, setHandedOver] = useState(false);
  const { data } = detail;

  return (
    <section className="page page--wide">
      <TicketLoadStatus data={data} error={detail.error} />
      {handedOver && (
        <p className="notice notice--success" role="status" data-testid="transfer-done">
          {t('transfer.done')} <Link to="/">{t('transfer.backToInbox')}</Link>
        </p>
      )}
      {data && (
        <div
          className="ticket-view"
          data-testid="ticket-view"
          data-ticket-id={data.ticket.id}
          data-status={data.ticket.status}
        >
          <TicketHeader ticket={data.ticket} customer={data.customer} />
          <div className="workspace">
            <div className="workspace__main">
              <h2 className="visually-hidden">{t('ticket.thread')}</h2>
              <MessageList messages={data.messages} customer={data.customer} />
              <Composer
                ticketId={data.ticket.id}
                channel={data.ticket.channel}
                optedOut={optedOutReplyPhone(data.ticket.channel, data.customer, data.messages)}
              />
            </div>
            <aside className="workspace__side">
              <TicketControls
                ticket={data.ticket}
                directory={directory}
                currentUserId={user.id}
                onTransferred={(ticket) => {
                  if (ticket.assigneeId !== user.id) setHandedOver(true);
                }}
              />
              <TicketCalls ticketId={data.ticket.id} />
              <TicketTags ticketId={data.ticket.id} tags={data.tags} />
              <TicketArticleSuggestions ticketId={data.ticket.id} />
              <TicketSurveyPanel ticket={data.ticket} surveys={data.surveys} />
              <section className="panel">
                <h2>{t('ticket.customer')}</h2>
                <CustomerSummary customer={data.customer} />
              </section>
              <section className="panel">
                <h2>{t('audit.heading')}</h2>
                <AuditList entries={data.audit} nameOf={directory.nameOf} />
              </section>
            </aside>
          </div>
        </div>
      )}
    </section>
  );
}
