import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../server/http/apiTypes';
import { formatTimestamp } from '../format/formatTimestamp';

export function TicketTable({ tickets }: { tickets: TicketSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="data-table">
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
          <tr key={ticket.id} data-testid="ticket-row" data-ticket-number={ticket.number}>
            <td className="numeric">#{ticket.number}</td>
            <td>{ticket.subject}</td>
            <td>{t(`channel.${ticket.channel}`)}</td>
            <td>{ticket.customer.name ?? <span className="muted">{t('inbox.unknownCustomer')}</span>}</td>
            <td>
              <span className={`status-badge status-badge--${ticket.status}`}>{t(`ticketStatus.${ticket.status}`)}</span>
            </td>
            <td>
              <time dateTime={ticket.updatedAt}>{formatTimestamp(ticket.updatedAt, i18n.language)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
