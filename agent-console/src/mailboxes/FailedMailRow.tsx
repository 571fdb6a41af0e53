import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage';
import { failedMailRawUrl, type FailedMail } from '../api/mailboxEndpoints';
import { AgoLabel } from '../format/AgoLabel';
import { useNow } from '../format/useNow';
import { useFailedMailAction } from './mailboxQueries';

/** One mail no mailbox could store: stored by a retry, or dismissed, it leaves the list. */
export function FailedMailRow({ mail }: { mail: FailedMail }) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const action = useFailedMailAction(mail.id);
  const busy = action.isPending ? action.variables : null;
  const error = action.error ? errorMessage(action.error, t) : null;
  const act = (kind: 'retry' | 'dismiss') => action.mutate(kind);

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
            onClick={() => act('retry')}
          >
            {busy === 'retry' ? t('failedMails.retrying') : t('failedMails.retry')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="dismiss-failed-mail"
            disabled={busy !== null}
            onClick={() => act('dismiss')}
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
