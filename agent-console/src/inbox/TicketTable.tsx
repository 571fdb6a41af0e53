import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../server/http/apiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { Timestamp } from '../format/Timestamp';
import { AppLink } from '../navigation/AppLink';
import { isPlainClick } from '../navigation/isPlainClick';
import { useNavigate } from '../navigation/navigationContext';
import { ticketPath } from '../navigation/routes';
import { TicketStatusBadge } from '../tickets/TicketStatusBadge';

export function TicketTable({ tickets }: { tickets: TicketSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  // The whole row opens the ticket; the subject is also a real link for keyboards and "open in new tab".
  const openRow = (ticket: TicketSummary) => (event: MouseEvent<HTMLTableRowElement>) => {
    if (!isPlainClick(event) || (event.target as HTMLElement).closest('a, button')) return;
    navigate(ticketPath(ticket.id));
  };

  return (
    <table className="data-table data-table--clickable">
      <thead>
        <tr>
          <th scope="col">{t('inbox.number')}</th>
          <th scope="col">{t('inbox.subject')}</th>
          <th scope="col">{t('inbox.channel')}</th>
          <th scope="col">{t('inbox.customer')}</th>
          <th scope="col">{t('inbox.status')}</th>
          <th scope="col">{t('inbox.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => (
          <tr
            key={ticket.id}
            data-testid="ticket-row"
            data-ticket-id={ticket.id}
            data-ticket-number={ticket.number}
            data-status={ticket.status}
            onClick={openRow(ticket)}
          >
            <td className="numeric">#{ticket.number}</td>
            <td>
              <AppLink to={ticketPath(ticket.id)}>{ticket.subject}</AppLink>
            </td>
            <td>
              <ChannelBadge channel={ticket.channel} />
            </td>
            <td>{ticket.customer.name ?? <span className="muted">{t('inbox.unknownCustomer')}</span>}</td>
            <td>
              <TicketStatusBadge status={ticket.status} />
            </td>
            <td>
              <Timestamp iso={ticket.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
