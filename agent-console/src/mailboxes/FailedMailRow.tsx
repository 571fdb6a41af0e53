import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage';
import { dismissFailedMail, failedMailRawUrl, retryFailedMail, type FailedMail } from '../api/mailboxEndpoints';
import { AgoLabel } from '../format/AgoLabel';
import { useNow } from '../format/useNow';

interface Props {
  mail: FailedMail;
  /** Stored by a retry, or dismissed: the row leaves the list. */
  onGone: () => void;
  /** A retry failed again: its error and attempts changed on the server. */
  onChanged: () => void;
}

export function FailedMailRow({ mail, onGone, onChanged }: Props) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const [busy, setBusy] = useState<null | 'retry' | 'dismiss'>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (action: 'retry' | 'dismiss') => {
    setBusy(action);
    setError(null);
    try {
      await (action === 'retry' ? retryFailedMail(mail.id) : dismissFailedMail(mail.id));
      onGone();
    } catch (failure) {
      setError(errorMessage(failure, t));
      onChanged();
    } finally {
      setBusy(null);
    }
  };

  return (
    <tr data-testid="failed-mail-row" data-failed-mail-id={mail.id}>
      <td>
        <div data-testid="failed-mail-subject">
          {mail.subject ?? <span className="muted">{t('failedMails.noSubject')}</span>}
        </div>
        <div className="muted small">{mail.fromHeader ?? t('failedMails.noSender')}</div>
        <div className="muted small">
          {t('failedMails.where', { mailbox: mail.mailboxName, folder: mail.folder, uid: mail.uid })}
        </div>
      </td>
      <td className="mailbox-error">
        <div data-testid="failed-mail-error">{mail.error}</div>
        {error && (
          <p role="alert" className="notice notice--error small" data-testid="failed-mail-action-error">
            {error}
          </p>
        )}
      </td>
      <td>
        <AgoLabel since={mail.firstFailedAt} now={now} />
        {mail.attempts > 1 && <div className="muted small">{t('failedMails.attempts', { count: mail.attempts })}</div>}
      </td>
      <td>
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            data-testid="retry-failed-mail"
            disabled={busy !== null}
            onClick={() => void act('retry')}
          >
            {busy === 'retry' ? t('failedMails.retrying') : t('failedMails.retry')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="dismiss-failed-mail"
            disabled={busy !== null}
            onClick={() => void act('dismiss')}
          >
            {t('failedMails.dismiss')}
          </button>
          <a className="button" href={failedMailRawUrl(mail.id)} download data-testid="download-failed-mail">
            {t('failedMails.download')}
          </a>
        </div>
      </td>
    </tr>
  );
}
