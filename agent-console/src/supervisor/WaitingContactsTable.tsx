import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { WaitingContactView } from '../../../server/http/wallApiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { ElapsedClock } from '../wall/ElapsedClock';
import { WaitingContactActions } from './WaitingContactActions';

interface Props {
  contacts: WaitingContactView[];
  agents: { id: string; name: string }[];
  now: number;
}

/** Who waits in which queue, longest first, with the wait ticking. */
export function WaitingContactsTable({ contacts, agents, now }: Props) {
  const { t } = useTranslation();
  if (contacts.length === 0)
    return (
      <p className="muted" data-testid="waiting-none">
        {t('waiting.none')}
      </p>
    );
  const longestFirst = [...contacts].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="waiting-table">
        <thead>
          <tr>
            <th scope="col">{t('waiting.customer')}</th>
            <th scope="col">{t('waiting.queue')}</th>
            <th scope="col">{t('waiting.channel')}</th>
            <th scope="col">{t('waiting.waited')}</th>
            <th scope="col">{t('waiting.reassign')}</th>
          </tr>
        </thead>
        <tbody>
          {longestFirst.map((contact) => (
            <tr
              key={contact.ticketId}
              data-testid="waiting-row"
              data-ticket-id={contact.ticketId}
              data-queue-id={contact.queueId}
            >
              <td>
                <Link to="/tickets/$ticketId" params={{ ticketId: contact.ticketId }}>
                  {t('waiting.ticket', { number: contact.ticketNumber })}
                </Link>
                <div className="muted small">{contact.customerName ?? contact.subject}</div>
              </td>
              <td>{contact.queueName}</td>
              <td>
                <ChannelBadge channel={contact.channel} />
              </td>
              <td>
                <ElapsedClock since={contact.waitingSince} now={now} testId="waiting-for" />
              </td>
              <td>
                <WaitingContactActions contact={contact} agents={agents} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
