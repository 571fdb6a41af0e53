import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CampaignRecipientView } from '../../../server/http/apiTypes';
import { customerName } from '../customers/customerName';
import { FailureReason } from '../tickets/FailureReason';

/** Each recipient: who, which number, where their text is, and why it was skipped or failed. */
export function RecipientTable({ recipients }: { recipients: CampaignRecipientView[] }) {
  const { t } = useTranslation();
  if (recipients.length === 0) return <p className="muted">{t('campaignReport.noRecipients')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="recipient-table">
        <thead>
          <tr>
            <th scope="col">{t('campaignReport.customer')}</th>
            <th scope="col">{t('campaignReport.phone')}</th>
            <th scope="col">{t('campaignReport.status')}</th>
            <th scope="col">{t('campaignReport.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {recipients.map((recipient) => (
            <tr
              key={recipient.id}
              data-testid="recipient-row"
              data-status={recipient.status}
              data-customer-id={recipient.customerId}
            >
              <td>
                <Link to="/customers/$customerId" params={{ customerId: recipient.customerId }}>
                  {customerName({ name: recipient.customerName }, t)}
                </Link>
              </td>
              <td>{recipient.phone ?? <span className="muted">{t('common.none')}</span>}</td>
              <td>
                <span className={`delivery-status delivery-status--${recipient.status}`}>
                  {t(`recipientStatus.${recipient.status}`)}
                </span>
              </td>
              <td>
                {recipient.skipReason && (
                  <span data-testid="skip-reason" data-reason={recipient.skipReason}>
                    {t(`skipReason.${recipient.skipReason}`)}
                  </span>
                )}
                {(recipient.status === 'failed' || recipient.status === 'undelivered') && (
                  <FailureReason
                    errorMessage={recipient.errorMessage}
                    errorCode={recipient.errorCode}
                    testId="recipient-error"
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
