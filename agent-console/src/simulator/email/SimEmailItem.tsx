import { useTranslation } from 'react-i18next';
import type { SimulatedEmail } from '../../../../server/http/apiTypes';
import { Timestamp } from '../../format/Timestamp';
import { LinkedText } from '../../surveys/LinkedText';

interface Props {
  email: SimulatedEmail;
  /** Answer this mail (only mail the customer received can be answered). */
  onReply: (email: SimulatedEmail) => void;
}

/** One mail in the simulated customer's mailbox: sender and recipient, subject, text, and its threading headers. */
export function SimEmailItem({ email, onReply }: Props) {
  const { t } = useTranslation();
  const received = email.direction === 'to_customer';
  return (
    <li
      className={`sim-email-item sim-email-item--${email.direction}`}
      data-testid="sim-email"
      data-direction={email.direction}
      data-message-id={email.messageId}
    >
      <header className="sim-email-item__meta">
        <span className="sim-email-item__direction">
          {received ? t('emailSimulator.received') : t('emailSimulator.sent')}
        </span>
        <span className="muted small">{t('emailSimulator.fromTo', { from: email.from, to: email.to })}</span>
        <Timestamp iso={email.at} className="muted small" />
      </header>
      <p className="sim-email-item__subject" data-testid="sim-email-subject-line">
        {email.subject || t('emailSimulator.noSubject')}
      </p>
      <p className="sim-email-item__text" data-testid="sim-email-text-body">
        <LinkedText text={email.text.trim()} />
      </p>
      {email.attachments.length > 0 && (
        <p className="muted small">
          {t('emailSimulator.attachments', { names: email.attachments.map((a) => a.filename).join(', ') })}
        </p>
      )}
      <details className="sim-email-item__headers">
        <summary className="small">{t('emailSimulator.headers')}</summary>
        <dl data-testid="sim-email-headers">
          <dt>Message-ID</dt>
          <dd>{email.messageId}</dd>
          {email.inReplyTo && (
            <>
              <dt>In-Reply-To</dt>
              <dd data-testid="sim-email-in-reply-to">{email.inReplyTo}</dd>
            </>
          )}
          {email.references.length > 0 && (
            <>
              <dt>References</dt>
              <dd>{email.references.join(' ')}</dd>
            </>
          )}
        </dl>
      </details>
      {received && (
        <button
          type="button"
          className="button button--small"
          data-testid="sim-email-reply"
          onClick={() => onReply(email)}
        >
          {t('emailSimulator.reply')}
        </button>
      )}
    </li>
  );
}
