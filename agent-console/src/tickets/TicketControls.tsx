import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketPriority, TicketStatus, TicketSummary, TicketType } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import type { TicketChanges } from '../api/ticketEndpoints';
import { useUpdateTicket } from './ticketMutations';
import { isDone, TICKET_PRIORITY_OPTIONS, TICKET_STATUS_OPTIONS, TICKET_TYPE_OPTIONS } from './ticketOptions';
import { TransferPanel } from './TransferPanel';
import type { Directory } from './useDirectory';

interface Props {
  ticket: TicketSummary;
  directory: Directory;
  currentUserId: string;
  onTransferred: (ticket: TicketSummary) => void;
}

/** Status, priority and type (each saved as soon as it is picked), Resolve and Transfer. */
export function TicketControls({ ticket, directory, currentUserId, onTransferred }: Props) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.id);
  const [transferring, setTransferring] = useState(false);
  const saving = update.isPending;
  // What is being saved shows at once; the server's answer then replaces it.
  const shown: TicketSummary = { ...ticket, ...(saving ? update.variables : {}) };
  const save = (changes: TicketChanges) => update.mutate(changes);
  const error = update.error ? errorMessage(update.error, t) : null;
  return (
    <section className="panel ticket-controls" aria-label={t('ticket.controls')}>
      <div className="control-grid">
        <label className="form__field">
          <span>{t('ticket.status')}</span>
          <select
            data-testid="ticket-status"
            value={shown.status}
            disabled={saving}
            onChange={(event) => save({ status: event.target.value as TicketStatus })}
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
            onChange={(event) => save({ priority: event.target.value as TicketPriority })}
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
            onChange={(event) => save({ type: (event.target.value || null) as TicketType | null })}
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
          onClick={() => save({ status: 'resolved' })}
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
