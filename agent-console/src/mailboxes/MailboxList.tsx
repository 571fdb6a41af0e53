import { useTranslation } from 'react-i18next';
import type { MailboxSettings } from '../api/mailboxEndpoints';
import { AgoLabel } from '../format/AgoLabel';
import { useNow } from '../format/useNow';
import { MailboxStateBadge } from './MailboxStateBadge';

interface Props {
  mailboxes: MailboxSettings[];
  onEdit: (mailbox: MailboxSettings) => void;
}

export function MailboxList({ mailboxes, onEdit }: Props) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  if (mailboxes.length === 0)
    return (
      <p className="muted" data-testid="mailbox-list-empty">
        {t('mailboxes.empty')}
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="mailbox-list">
        <thead>
          <tr>
            <th scope="col">{t('mailboxes.mailbox')}</th>
            <th scope="col">{t('mailboxes.state')}</th>
            <th scope="col">{t('mailboxes.lastError')}</th>
            <th scope="col">{t('mailboxes.lastSync')}</th>
            <th scope="col">{t('mailboxes.failed')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('mailboxes.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {mailboxes.map((mailbox) => (
            <tr key={mailbox.id} data-testid="mailbox-row" data-mailbox-id={mailbox.id} data-state={mailbox.state}>
              <td>
                <div>{mailbox.name}</div>
                <div className="muted small">{mailbox.address}</div>
              </td>
              <td>
                <MailboxStateBadge state={mailbox.state} />
              </td>
              <td className="mailbox-error">{mailbox.lastError ?? <span className="muted">—</span>}</td>
              <td>
                {mailbox.lastSyncedAt ? (
                  <AgoLabel since={mailbox.lastSyncedAt} now={now} />
                ) : (
                  <span className="muted">{t('mailboxes.never')}</span>
                )}
              </td>
              <td data-testid="mailbox-failed-mails">
                {mailbox.failedMails ? (
                  <span className="status-badge badge--danger">{mailbox.failedMails}</span>
                ) : (
                  <span className="muted">0</span>
                )}
              </td>
              <td>
                <button type="button" className="button" data-testid="edit-mailbox" onClick={() => onEdit(mailbox)}>
                  {t('mailboxes.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
