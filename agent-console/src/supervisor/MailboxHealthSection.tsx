import { useTranslation } from 'react-i18next';
import { useMailboxHealth } from '../mailboxes/mailboxQueries';
import { MailboxHealthTable } from './MailboxHealthTable';

/** Below the queues; hidden while there are no mailboxes (or none could be read yet). */
export function MailboxHealthSection({ now }: { now: number }) {
  const { t } = useTranslation();
  const health = useMailboxHealth();
  if (!health.data?.mailboxes.length) return null;
  return (
    <>
      <h2>{t('mailboxHealth.heading')}</h2>
      {health.error != null && <p className="notice">{t('data.stale')}</p>}
      <MailboxHealthTable mailboxes={health.data.mailboxes} now={now} />
    </>
  );
}
