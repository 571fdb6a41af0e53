import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../server/http/apiTypes';
import { signIn } from '../api/endpoints';
import { errorMessage } from '../api/errorMessage';
import { LanguageSwitch } from '../app/LanguageSwitch';

export function SignInPage({ onSignedIn }: { onSignedIn: (user: UserView) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await signIn(email, password);
      onSignedIn(user);
    } catch (failure) {
      setError(errorMessage(failure, t));
      setSubmitting(false);
    }
  };

  return (
    <main className="sign-in">
      <div className="sign-in__language">
        <LanguageSwitch />
      </div>
      {/* noValidate: the server validates and its message is what we show. */}
      <form className="sign-in__card form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="sign-in__brand">{t('app.name')}</p>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <label className="form__field">
          <span>{t('signIn.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="form__field">
          <span>{t('signIn.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="notice notice--error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
