import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../app/session';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileSummary } from './ProfileSummary';
import { SignatureForm } from './SignatureForm';

export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('account.title')}</h1>
      </header>
      <ProfileSummary user={user} />
      <ChangePasswordForm />
      <SignatureForm />
    </section>
  );
}
