import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulatedSms } from '../../../server/http/apiTypes';
import { SimMessage } from './SimMessage';

/** The phone's screen: its texts with the company, oldest first, scrolled to the newest. */
export function SimMessageList({ messages, loading }: { messages: SimulatedSms[]; loading: boolean }) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const newest = messages[messages.length - 1];
  const newestKey = newest ? `${newest.sid}:${newest.status}` : '';

  useEffect(() => {
    if (newestKey && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [newestKey]);

  return (
    <ol className="sim-messages" data-testid="sim-messages" aria-label={t('simulator.conversation')} ref={list}>
      {messages.length === 0 && (
        <li className="sim-messages__empty muted">{loading ? t('app.loading') : t('simulator.empty')}</li>
      )}
      {messages.map((sms) => (
        <SimMessage key={sms.sid} sms={sms} />
      ))}
    </ol>
  );
}
