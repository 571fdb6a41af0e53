import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { addNote, sendReply } from '../api/ticketEndpoints';

type Mode = 'reply' | 'note';

interface Props {
  ticketId: string;
  /** The stored message from the 201 answer, to show at once. */
  onSent: (message: MessageView) => void;
}

/** Reply to the customer (through the ticket's channel) or add an internal note; Ctrl/Cmd+Enter sends. */
export function Composer({ ticketId, onSent }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async () => {
    if (sending || !text.trim()) return;
    setSending(true);
    setError(null);
    try {
      const { message } = await (mode === 'reply' ? sendReply(ticketId, text) : addNote(ticketId, text));
      setText('');
      onSent(message);
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setSending(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Not while an input method is composing (e.g. Chinese pinyin), where Enter picks a candidate.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form className={`composer composer--${mode}`} onSubmit={onSubmit} data-testid="composer" data-mode={mode}>
      <div className="composer__bar">
        <label className="inline-field">
          <span>{t('composer.mode')}</span>
          <select data-testid="composer-mode" value={mode} onChange={(event) => setMode(event.target.value as Mode)}>
            <option value="reply">{t('composer.reply')}</option>
            <option value="note">{t('composer.note')}</option>
          </select>
        </label>
        {mode === 'note' && <span className="composer__hint">{t('composer.noteHint')}</span>}
      </div>
      <label className="visually-hidden" htmlFor={`composer-${ticketId}`}>
        {mode === 'reply' ? t('composer.replyLabel') : t('composer.noteLabel')}
      </label>
      <textarea
        id={`composer-${ticketId}`}
        data-testid="reply-text"
        name="text"
        rows={4}
        value={text}
        placeholder={mode === 'reply' ? t('composer.replyPlaceholder') : t('composer.notePlaceholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <div className="composer__actions">
        <span className="muted small">{t('composer.shortcut')}</span>
        <button type="submit" className="button button--primary" data-testid="send-reply" disabled={sending || !text.trim()}>
          {sending ? t('composer.sending') : mode === 'reply' ? t('composer.send') : t('composer.addNote')}
        </button>
      </div>
    </form>
  );
}
