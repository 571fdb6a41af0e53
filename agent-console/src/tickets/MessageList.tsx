import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView, MessageView } from '../../../server/http/apiTypes';
import { MessageItem } from './MessageItem';

/** The thread, oldest first, in its own scroll area that follows the newest message. */
export function MessageList({ messages, customer }: { messages: MessageView[]; customer: CustomerView }) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const newest = messages[messages.length - 1]?.id;

  useEffect(() => {
    // Only the thread scrolls, never the page around it.
    if (newest && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [newest]);

  return (
    <div className="message-list" data-testid="message-list" ref={list}>
      {messages.length === 0 && <p className="muted">{t('ticket.noMessages')}</p>}
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} customer={customer} />
      ))}
    </div>
  );
}
