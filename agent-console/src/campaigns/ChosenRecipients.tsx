import { useTranslation } from 'react-i18next';
import { customerName } from '../customers/customerName';
import { OptedOutBadge } from '../sms/OptedOutBadge';
import type { Recipient } from './recipientList';

interface Props {
  recipients: Recipient[];
  onRemove: (id: string) => void;
  onClear: () => void;
}

/** The customers the campaign will go to, each with Remove. */
export function ChosenRecipients({ recipients, onRemove, onClear }: Props) {
  const { t } = useTranslation();
  return (
    <div className="chosen-recipients" data-testid="chosen-recipients" data-count={recipients.length}>
      <div className="recipient-search__bar">
        <strong data-testid="chosen-count">{t('campaignForm.chosen', { count: recipients.length })}</strong>
        {recipients.length > 0 && (
          <button type="button" className="link-button small" data-testid="remove-all-recipients" onClick={onClear}>
            {t('campaignForm.removeAll')}
          </button>
        )}
      </div>
      {recipients.length === 0 ? (
        <p className="muted">{t('campaignForm.noneChosen')}</p>
      ) : (
        <ul className="plain-list recipient-list">
          {recipients.map((recipient) => (
            <li
              key={recipient.id}
              className="plain-list__row"
              data-testid="chosen-recipient"
              data-customer-id={recipient.id}
            >
              <span className="plain-list__grow">
                <strong>{customerName(recipient, t)}</strong>{' '}
                <span className="muted small">{recipient.phone ?? t('campaignForm.noPhone')}</span>
                {recipient.optedOutAt && (
                  <>
                    {' '}
                    <OptedOutBadge at={recipient.optedOutAt} />
                  </>
                )}
              </span>
              <button
                type="button"
                className="link-button small"
                data-testid="remove-recipient"
                onClick={() => onRemove(recipient.id)}
              >
                {t('campaignForm.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
