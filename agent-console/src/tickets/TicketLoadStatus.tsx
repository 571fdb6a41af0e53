import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/ApiRequestError';
import { LoadStatus } from '../data/LoadStatus';
import type { ServerData } from '../data/LoadStatus';

const isNoLongerVisible = (error: unknown) =>
  error instanceof ApiRequestError && (error.status === 403 || error.status === 404);

/** Like LoadStatus, but says plainly when a ticket we were looking at is no longer ours to see (e.g. after a transfer). */
export function TicketLoadStatus({ data, error }: ServerData) {
  const { t } = useTranslation();
  if (data && isNoLongerVisible(error)) {
    return (
      <p className="notice" data-testid="ticket-gone">
        {t('ticket.noLongerVisible')}
      </p>
    );
  }
  return <LoadStatus data={data} error={error} />;
}
