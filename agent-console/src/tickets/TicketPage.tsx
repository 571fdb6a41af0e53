import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView, TicketSummary, UserView } from '../../../server/http/apiTypes';
import { AuditList } from '../audit/AuditList';
import { CustomerSummary } from '../customers/CustomerSummary';
import { AppLink } from '../navigation/AppLink';
import { PAGE_PATHS } from '../navigation/routes';
import { optedOutReplyPhone } from '../sms/smsOptOut';
import { TicketCalls } from '../voice/TicketCalls';
import { Composer } from './Composer';
import { mergeMessages } from './mergeMessages';
import { MessageList } from './MessageList';
import { TicketControls } from './TicketControls';
import { TicketHeader } from './TicketHeader';
import { TicketLoadStatus } from './TicketLoadStatus';
import { useDirectory } from './useDirectory';
import { useTicketDetail } from './useTicketDetail';

/** The workspace for one ticket: thread and composer, controls, customer and audit timeline. */
export function TicketPage({ ticketId, user }: { ticketId: string; user: UserView }) {
  const { t } = useTranslation();
  const detail = useTicketDetail(ticketId);
  const directory = useDirectory(user);
  const [sentHere, setSentHere] = useState<MessageView[]>([]);
  const [handedOver, setHandedOver] = useState(false);
  const { data, update } = detail;

  const applyTicket = (ticket: TicketSummary) => update((current) => ({ ...current, ticket }));

  return (
    <section className="page page--wide">
      <TicketLoadStatus data={data} error={detail.error} />
      {handedOver && (
        <p className="notice notice--success" role="status" data-testid="transfer-done">
          {t('transfer.done')} <AppLink to={PAGE_PATHS.inbox}>{t('transfer.backToInbox')}</AppLink>
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
              <MessageList
                messages={mergeMessages(data.messages, sentHere)}
                customer={data.customer}
                onRetried={detail.reload}
              />
              <Composer
                ticketId={data.ticket.id}
                channel={data.ticket.channel}
                optedOut={optedOutReplyPhone(data.ticket.channel, data.customer, data.messages)}
                onSent={(message) => setSentHere((sent) => [...sent, message])}
              />
            </div>
            <aside className="workspace__side">
              <TicketControls
                ticket={data.ticket}
                directory={directory}
                currentUserId={user.id}
                onChanged={applyTicket}
                onTransferred={(ticket) => {
                  applyTicket(ticket);
                  if (ticket.assigneeId !== user.id) setHandedOver(true);
                }}
              />
              <TicketCalls ticketId={data.ticket.id} />
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
