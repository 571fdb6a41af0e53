import { useTranslation } from 'react-i18next';
import { undeliverableMailRawUrl } from '../api/undeliverableMailEndpoints';
import { LoadStatus } from '../data/LoadStatus';
import { Timestamp } from '../format/Timestamp';
import { useUndeliverableMails } from './mailboxQueries';

/**
 * Bounces whose original is not one of our messages (sent by someone else through the mailbox, or too old to
 * match): no ticket to note them on, so they are listed here instead of vanishing.
 */
export function UndeliverableMailsSection() {
  const { t } = useTranslation();
  const list = useUndeliverableMails();
  const mails = list.data?.undeliverableMails ?? [];
  return (
    <section aria-labelledby="undeliverable-mails-heading" data-testid="undeliverable-mails">
      <h2 id="undeliverable-mails-heading">{t('undeliverableMails.heading')}</h2>
      <p className="muted">{t('undeliverableMails.intro')}</p>
      <LoadStatus data={list.data} error={list.error} />
      {list.data && mails.length === 0 && (
        <p className="muted" data-testid="undeliverable-mails-empty">
          {t('undeliverableMails.empty')}
        </p>
      )}
      {mails.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="undeliverable-mail-list">
            <thead>
              <tr>
                <th scope="col">{t('undeliverableMails.bounce')}</th>
                <th scope="col">{t('undeliverableMails.recipient')}</th>
                <th scope="col">{t('undeliverableMails.reason')}</th>
                <th scope="col">{t('undeliverableMails.received')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('undeliverableMails.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id} data-testid="undeliverable-mail-row" data-kind={mail.kind}>
                  <td>
                    <div>{mail.subject ?? <span className="muted">{t('undeliverableMails.noSubject')}</span>}</div>
                    <div className="muted small">{mail.fromAddress ?? t('undeliverableMails.noSender')}</div>
                    <div className="muted small">
                      {t(`undeliverableMails.kind.${mail.kind}`)} · {mail.mailboxName}
                    </div>
                  </td>
                  <td>{mail.recipient ?? <span className="muted">—</span>}</td>
                  <td className="mailbox-error">
                    {mail.diagnostic ?? mail.status ?? (
                      <span className="muted">{t('undeliverableMails.noReason')}</span>
                    )}
                  </td>
                  <td>
                    <Timestamp iso={mail.receivedAt} />
                  </td>
                  <td>
                    <a className="button" href={undeliverableMailRawUrl(mail.id)} download>
                      {t('undeliverableMails.download')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
