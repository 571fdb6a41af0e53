import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../server/http/apiTypes';

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${status}`}>{t(`ticketStatus.${status}`)}</span>;
}
