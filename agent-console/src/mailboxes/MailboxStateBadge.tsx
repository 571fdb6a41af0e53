import { useTranslation } from 'react-i18next';
import type { MailboxState } from '../api/mailboxEndpoints';
import { mailboxBadgeKind } from './mailboxBadge';

export function MailboxStateBadge({ state }: { state: MailboxState }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge badge--${mailboxBadgeKind(state)}`} data-testid="mailbox-state">
      {t(`mailboxState.${state}`)}
    </span>
  );
}
