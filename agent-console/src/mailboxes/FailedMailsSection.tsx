import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { FailedMailRow } from './FailedMailRow';
import { useFailedMails } from './mailboxQueries';

/**
 * Mail a mailbox could not store. The mailbox kept flowing past it; here an admin sees why each one failed and
 * retries it (once the cause is fixed) or dismisses it. The mail itself stays on the mail server either way.
 */
export function FailedMailsSection() {
  const { t } = useTranslation();
  const failed = useFailedMails();
  const mails = failed.data?.failedMails ?? [];
  return (
    <section aria-labelledby="failed-mails-heading" data-testid="failed-mails">
      <h2 id="failed-mails-heading">{t('failedMails.heading')}</h2>
      <p className="muted">{t('failedMails.intro')}</p>
      <LoadStatus data={failed.data} error={failed.error} />
      {failed.data && mails.length === 0 && (
        <p className="muted" data-testid="failed-mails-empty">
          {t('failedMails.empty')}
        </p>
      )}
      {mails.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="failed-mail-list">
            <thead>
              <tr>
                <th scope="col">{t('failedMails.mail')}</th>
                <th scope="col">{t('failedMails.error')}</th>
                <th scope="col">{t('failedMails.failed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('failedMails.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <FailedMailRow key={mail.id} mail={mail} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
