import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulatedEmail } from '../../../../server/http/apiTypes';
import { errorMessage } from '../../api/errorMessage';
import { replySubjectFor } from './simEmail';

export interface EmailDraft {
  subject: string;
  body: string;
  /** The body is the mail's HTML part rather than its plain text. */
  asHtml: boolean;
}

interface Props {
  disabled: boolean;
  /** The mail being answered, if any: the draft starts with its subject. Remount (key) when it changes. */
  replyTo: SimulatedEmail | null;
  onCancelReply: () => void;
  /** Resolves once the server took the mail; a rejection keeps the draft and shows why. */
  onSend: (draft: EmailDraft) => Promise<void>;
}

/** The customer's mail client: subject, message (plain or HTML), Send; answering a mail threads under it. */
export function SimEmailComposer({ disabled, replyTo, onCancelReply, onSend }: Props) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState(() => (replyTo ? replySubjectFor(replyTo.subject) : ''));
  const [body, setBody] = useState('');
  const [asHtml, setAsHtml] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canSend = !disabled && !sending && body.trim() !== '';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!canSend) return;
    setSending(true);
    setError(null);
    try {
      await onSend({ subject, body, asHtml });
      setSubject('');
      setBody('');
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="sim-email-composer" data-testid="sim-email-composer" onSubmit={(event) => void submit(event)}>
      {replyTo && (
        <p className="sim-email-composer__replying" data-testid="sim-email-replying">
          {t('emailSimulator.replyingTo', { subject: replyTo.subject || t('emailSimulator.noSubject') })}{' '}
          <button
            type="button"
            className="link-button small"
            data-testid="sim-email-cancel-reply"
            onClick={onCancelReply}
          >
            {t('emailSimulator.cancelReply')}
          </button>
        </p>
      )}
      <label className="form__field">
        <span>{t('emailSimulator.subject')}</span>
        <input
          type="text"
          data-testid="sim-email-subject"
          value={subject}
          maxLength={300}
          onChange={(event) => setSubject(event.target.value)}
        />
      </label>
      <label className="form__field">
        <span>{t('emailSimulator.body')}</span>
        <textarea
          data-testid="sim-email-text"
          rows={6}
          value={body}
          placeholder={t('emailSimulator.placeholder')}
          onChange={(event) => setBody(event.target.value)}
        />
      </label>
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="sim-email-as-html"
          checked={asHtml}
          onChange={(event) => setAsHtml(event.target.checked)}
        />
        <span>{t('emailSimulator.asHtml')}</span>
      </label>
      {asHtml && <small className="muted">{t('emailSimulator.asHtmlHint')}</small>}
      {error && (
        <p role="alert" className="notice notice--error" data-testid="sim-email-error">
          {error}
        </p>
      )}
      <div className="sim-email-composer__actions">
        <button type="submit" className="button button--primary" data-testid="sim-email-send" disabled={!canSend}>
          {sending ? t('emailSimulator.sending') : t('emailSimulator.send')}
        </button>
      </div>
    </form>
  );
}
