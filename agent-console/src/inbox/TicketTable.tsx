import { Link, useNavigate } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../server/http/apiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { CustomerNameLabel } from '../customers/CustomerNameLabel';
import { Timestamp } from '../format/Timestamp';
import { SlaBadge } from '../sla/SlaBadge';
import { TicketStatusBadge } from '../tickets/TicketStatusBadge';

/** A left click without modifiers: the browser's own handling (new tab, download…) is left alone otherwise. */
const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

export function TicketTable({ tickets }: { tickets: TicketSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  // The whole row opens the ticket; the subject is also a real link for keyboards and "open in new tab".
  const openRow = (ticket: TicketSummary) => (event: MouseEvent<HTMLTableRowElement>) => {
    if (!isPlainClick(event) || (event.target as HTMLElement).closest('a, button')) return;
    void navigate({ to: '/tickets/$ticketId', params: { ticketId: ticket.id } });
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
            <td>
              <Timestamp iso={ticket.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
