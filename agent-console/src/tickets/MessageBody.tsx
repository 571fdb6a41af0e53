import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../server/http/apiTypes';
import { EmailHtmlFrame } from './EmailHtmlFrame';
import { QuotedText } from './QuotedText';

type View = 'html' | 'text';

/** A message's words: a mail with HTML shows formatted, with a switch to its plain text (quoted history collapsed). */
export function MessageBody({ message }: { message: Pick<MessageView, 'text' | 'html'> }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('html');
  if (!message.html) return <QuotedText text={message.text} />;
  const option = (value: View, label: string) => (
    <button
      type="button"
      className="message-view__option"
      data-testid={`message-view-${value}`}
      aria-pressed={view === value}
      onClick={() => setView(value)}
    >
      {label}
    </button>
  );
  return (
    <div className="message-body" data-view={view}>
      <div className="message-view" role="group" aria-label={t('message.viewLabel')}>
        {option('html', t('message.showHtml'))}
        {option('text', t('message.showText'))}
      </div>
      {view === 'html' ? (
        <EmailHtmlFrame html={message.html} title={t('message.htmlTitle')} />
      ) : (
        <QuotedText text={message.text} />
      )}
    </div>
  );
}
