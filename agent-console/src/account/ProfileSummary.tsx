import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../server/http/apiTypes';

export function ProfileSummary({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('account.profileHeading')}</h2>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
      </dl>
    </section>
  );
}
