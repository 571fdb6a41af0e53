import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../server/http/apiTypes';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileSummary } from './ProfileSummary';

export function AccountPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('account.title')}</h1>
      </header>
      <ProfileSummary user={user} />
      <ChangePasswordForm />
    </section>
  );
}
