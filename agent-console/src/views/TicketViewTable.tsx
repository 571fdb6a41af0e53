import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TicketListItem } from '../../../server/http/ticketViewApiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { CustomerNameLabel } from '../customers/CustomerNameLabel';
import { Timestamp } from '../format/Timestamp';
import { SlaBadge } from '../sla/SlaBadge';
import { TagChip } from '../tags/TagChip';
import { TicketStatusBadge } from '../tickets/TicketStatusBadge';

/** The rows of a ticket view; the subject opens the ticket. */
export function TicketViewTable({ tickets }: { tickets: TicketListItem[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="ticket-view-table">
        <thead>
          <tr>
            <th scope="col">{t('inbox.number')}</th>
            <th scope="col">{t('inbox.subject')}</th>
            <th scope="col">{t('inbox.channel')}</th>
            <th scope="col">{t('inbox.customer')}</th>
            <th scope="col">{t('inbox.status')}</th>
            <th scope="col">{t('ticketViews.priority')}</th>
            <th scope="col">{t('ticketViews.queue')}</th>
            <th scope="col">{t('ticketViews.assignee')}</th>
            <th scope="col">{t('tags.heading')}</th>
            <th scope="col">{t('inbox.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr
              key={ticket.id}
              data-testid="view-ticket-row"
              data-ticket-id={ticket.id}
              data-ticket-number={ticket.number}
              data-status={ticket.status}
            >
              <td className="numeric">#{ticket.number}</td>
              <td>
                <Link to="/tickets/$ticketId" params={{ ticketId: ticket.id }}>
                  {ticket.subject}
                </Link>
              </td>
              <td>
                <ChannelBadge channel={ticket.channel} />
              </td>
              <td>
                <CustomerNameLabel customer={ticket.customer} />
              </td>
              <td>
                <TicketStatusBadge status={ticket.status} /> <SlaBadge sla={ticket.sla} />
              </td>
              <td>{t(`ticketPriority.${ticket.priority}`)}</td>
              <td>{ticket.queue?.name ?? t('common.none')}</td>
              <td>{ticket.assignee?.name ?? <span className="muted">{t('ticketViews.unassigned')}</span>}</td>
              <td>
                {ticket.tags.map((tag) => (
                  <TagChip key={tag.id} tag={tag} />
                ))}
              </td>
              <td>
                <Timestamp iso={ticket.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
