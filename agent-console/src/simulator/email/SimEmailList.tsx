import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulatedEmail } from '../../../../server/http/apiTypes';
import { SimEmailItem } from './SimEmailItem';

interface Props {
  emails: SimulatedEmail[];
  loading: boolean;
  onReply: (email: SimulatedEmail) => void;
}

/** The customer's mailbox: both directions, oldest first, scrolled to the newest. */
export function SimEmailList({ emails, loading, onReply }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const newest = emails[emails.length - 1]?.id ?? '';

  useEffect(() => {
    if (newest && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [newest]);

  return (
    <ol className="sim-emails" data-testid="sim-emails" aria-label={t('emailSimulator.conversation')} ref={list}>
      {emails.length === 0 && (
        <li className="sim-messages__empty muted">{loading ? t('app.loading') : t('emailSimulator.empty')}</li>
      )}
      {emails.map((email) => (
        <SimEmailItem key={email.id} email={email} onReply={onReply} />
      ))}
    </ol>
  );
}
