import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AgentContactView } from '../../../server/http/wallApiTypes';
import { ChannelIcon } from '../channels/ChannelIcon';
import { ElapsedClock } from '../wall/ElapsedClock';

/** An agent's tickets and call now, each with how long it has been theirs. */
export function AgentContacts({ contacts, now }: { contacts: AgentContactView[]; now: number }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return <span className="muted">{t('agentGrid.noContacts')}</span>;
  return (
    <ul className="agent-contacts">
      {contacts.map((contact) => (
        <li key={contact.ticketId} data-testid="agent-contact" data-ticket-id={contact.ticketId}>
          <ChannelIcon channel={contact.channel} />
          <Link to="/tickets/$ticketId" params={{ ticketId: contact.ticketId }}>
            #{contact.ticketNumber}
          </Link>{' '}
          <span className="agent-contacts__who">{contact.customerName ?? contact.subject}</span>{' '}
          <ElapsedClock since={contact.since} now={now} />
        </li>
      ))}
    </ul>
  );
}
