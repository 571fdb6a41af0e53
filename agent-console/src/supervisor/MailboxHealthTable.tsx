import { useTranslation } from 'react-i18next';
import type { MailboxHealth } from '../api/mailboxEndpoints';
import { AgoLabel } from '../format/AgoLabel';
import { MailboxStateBadge } from '../mailboxes/MailboxStateBadge';

export function MailboxHealthTable({ mailboxes, now }: { mailboxes: MailboxHealth[]; now: number }) {
  const { t } = useTranslation();
  return (
    <table className="data-table" data-testid="mailbox-health">
      <thead>
        <tr>
          <th scope="col">{t('mailboxHealth.mailbox')}</th>
          <th scope="col">{t('mailboxHealth.state')}</th>
          <th scope="col">{t('mailboxHealth.lastSync')}</th>
        </tr>
      </thead>
      <tbody>
        {mailboxes.map((mailbox) => (
          <tr key={mailbox.id} data-testid="mailbox-health-row" data-state={mailbox.state}>
            <td>
              <div>{mailbox.name}</div>
              <div className="muted small">{mailbox.address}</div>
            </td>
            <td>
              <MailboxStateBadge state={mailbox.state} />
              {mailbox.state === 'error' && mailbox.lastError && (
                <div className="field-error small">{mailbox.lastError}</div>
              )}
              {mailbox.failedMails > 0 && (
                <div className="field-error small" data-testid="mailbox-health-failed">
                  {t('mailboxHealth.failedMails', { count: mailbox.failedMails })}
                </div>
              )}
            </td>
            <td>
              {mailbox.lastSyncedAt ? (
                <AgoLabel since={mailbox.lastSyncedAt} now={now} />
              ) : (
                <span className="muted">{t('mailboxHealth.never')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
