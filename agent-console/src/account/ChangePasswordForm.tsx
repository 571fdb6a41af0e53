import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/endpoints';
import { errorMessage } from '../api/errorMessage';
import { MIN_PASSWORD_LENGTH, validatePasswordChange } from './validatePasswordChange';

type Outcome = { kind: 'success' } | { kind: 'error'; message: string } | null;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = validatePasswordChange({ currentPassword, newPassword, confirmPassword });
    if (problem) {
      setOutcome({ kind: 'error', message: t(`account.${problem}`, { min: MIN_PASSWORD_LENGTH }) });
      return;
    }
    setSubmitting(true);
    setOutcome(null);
    try {
      await changePassword(currentPassword, newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
      setOutcome({ kind: 'success' });
    } catch (error) {
      setOutcome({ kind: 'error', message: errorMessage(error, t) });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="card">
      <h2>{t('account.passwordHeading')}</h2>
      {/* noValidate: our own checks give translated messages instead of the browser's. */}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <label className="form__field">
          <span>{t('account.currentPassword')}</span>
          <input
            type="password"
            name="currentPassword"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
          />
        </label>
        <label className="form__field">
          <span>{t('account.newPassword')}</span>
          <input
            type="password"
            name="newPassword"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            value={newPassword}
            onChange={(event) => setNewPassword(event.target.value)}
          />
          <small className="muted">{t('account.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}</small>
        </label>
        <label className="form__field">
          <span>{t('account.confirmPassword')}</span>
          <input
            type="password"
            name="confirmPassword"
            autoComplete="new-password"
            value={confirmPassword}
            onChange={(event) => setConfirmPassword(event.target.value)}
          />
        </label>
        {outcome?.kind === 'success' && (
          <p role="status" className="notice notice--success">
            {t('account.changed')}
          </p>
        )}
        {outcome?.kind === 'error' && (
          <p role="alert" className="notice notice--error">
            {outcome.message}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('account.submitting') : t('account.submit')}
        </button>
      </form>
    </section>
  );
}
