import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketPriority, TicketStatus, TicketSummary, TicketType } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { updateTicket, type TicketChanges } from '../api/ticketEndpoints';
import { isDone, TICKET_PRIORITY_OPTIONS, TICKET_STATUS_OPTIONS, TICKET_TYPE_OPTIONS } from './ticketOptions';
import { TransferPanel } from './TransferPanel';
import type { Directory } from './useDirectory';

interface Props {
  ticket: TicketSummary;
  directory: Directory;
  currentUserId: string;
  onChanged: (ticket: TicketSummary) => void;
  onTransferred: (ticket: TicketSummary) => void;
}

/** Status, priority and type (each saved as soon as it is picked), Resolve and Transfer. */
export function TicketControls({ ticket, directory, currentUserId, onChanged, onTransferred }: Props) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<TicketChanges | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [transferring, setTransferring] = useState(false);
  const shown = { ...ticket, ...pending };

  const save = async (changes: TicketChanges) => {
    setPending(changes);
    setError(null);
    try {
      const { ticket: saved } = await updateTicket(ticket.id, changes);
      onChanged(saved);
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setPending(null);
    }
  };

  const saving = pending !== null;
  return (
    <section className="panel ticket-controls" aria-label={t('ticket.controls')}>
      <div className="control-grid">
        <label className="form__field">
          <span>{t('ticket.status')}</span>
          <select
            data-testid="ticket-status"
            value={shown.status}
            disabled={saving}
            onChange={(event) => void save({ status: event.target.value as TicketStatus })}
          >
            {TICKET_STATUS_OPTIONS.map((status) => (
              <option key={status} value={status}>
                {t(`ticketStatus.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form__field">
          <span>{t('ticket.priority')}</span>
          <select
            data-testid="ticket-priority"
            value={shown.priority}
            disabled={saving}
            onChange={(event) => void save({ priority: event.target.value as TicketPriority })}
          >
            {TICKET_PRIORITY_OPTIONS.map((priority) => (
              <option key={priority} value={priority}>
                {t(`ticketPriority.${priority}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form__field">
          <span>{t('ticket.type')}</span>
          <select
            data-testid="ticket-type"
            value={shown.type ?? ''}
            disabled={saving}
            onChange={(event) => void save({ type: (event.target.value || null) as TicketType | null })}
          >
            <option value="">{t('ticketType.none')}</option>
            {TICKET_TYPE_OPTIONS.map((type) => (
              <option key={type} value={type}>
                {t(`ticketType.${type}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          data-testid="resolve-ticket"
          disabled={saving || isDone(shown.status)}
          onClick={() => void save({ status: 'resolved' })}
        >
          {t('ticket.resolve')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="transfer-ticket"
          aria-expanded={transferring}
          onClick={() => setTransferring((open) => !open)}
        >
          {t('ticket.transfer')}
        </button>
      </div>
      {transferring && (
        <TransferPanel
          ticketId={ticket.id}
          directory={directory}
          currentUserId={currentUserId}
          onCancel={() => setTransferring(false)}
          onTransferred={(transferred) => {
            setTransferring(false);
            onTransferred(transferred);
          }}
        />
      )}
    </section>
  );
}
