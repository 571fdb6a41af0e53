import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, IdentityView, MessageView } from '../../../server/http/apiTypes';
import { ApiRequestError } from '../api/ApiRequestError';
import { errorMessage } from '../api/errorMessage';
import { addNote, sendReply } from '../api/ticketEndpoints';
import { OptedOutNotice } from '../sms/OptedOutNotice';
import { SmsSegmentCount } from '../sms/SmsSegmentCount';

type Mode = 'reply' | 'note';

interface Props {
  ticketId: string;
  channel: Channel;
  /** The SMS number replies go to, when it texted STOP: replies are blocked, notes are not. */
  optedOut: IdentityView | null;
  /** The stored message from the 201 answer, to show at once. */
  onSent: (message: MessageView) => void;
}

/**
 * Reply to the customer (through the ticket's channel) or add an internal note; Ctrl/Cmd+Enter sends. A phone ticket
 * takes notes only: the voice channel carries no written reply (the server refuses one), the agent calls back instead.
 */
export function Composer({ ticketId, channel, optedOut, onSent }: Props) {
  const { t } = useTranslation();
  const notesOnly = channel === 'voice';
  const [chosenMode, setMode] = useState<Mode>('reply');
  const mode: Mode = notesOnly ? 'note' : chosenMode;
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The server's 409 `opted_out`, kept until what we know about the number's opt-out changes.
  const [refusal, setRefusal] = useState<string | null>(null);
  const optedOutAt = optedOut?.smsOptedOutAt ?? null;
  const [refusalBasis, setRefusalBasis] = useState(optedOutAt);
  if (refusalBasis !== optedOutAt) {
    setRefusalBasis(optedOutAt);
    setRefusal(null);
  }

  const replyBlocked = mode === 'reply' && (optedOutAt !== null || refusal !== null);

  const send = async () => {
    if (sending || !text.trim() || replyBlocked) return;
    setSending(true);
    setError(null);
    try {
      const { message } = await (mode === 'reply' ? sendReply(ticketId, text) : addNote(ticketId, text));
      setText('');
      onSent(message);
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.code === 'opted_out') setRefusal(failure.message);
      else setError(errorMessage(failure, t));
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
        {notesOnly ? (
          <>
            <strong className="composer__fixed-mode">{t('composer.note')}</strong>
            <span className="composer__hint" data-testid="composer-voice-hint">
              {t('composer.voiceHint')}
            </span>
          </>
        ) : (
          <>
            <label className="inline-field">
              <span>{t('composer.mode')}</span>
              <select
                data-testid="composer-mode"
                value={mode}
                onChange={(event) => setMode(event.target.value as Mode)}
              >
                <option value="reply">{t('composer.reply')}</option>
                <option value="note">{t('composer.note')}</option>
              </select>
            </label>
            {mode === 'note' && <span className="composer__hint">{t('composer.noteHint')}</span>}
          </>
        )}
      </div>
      {replyBlocked && <OptedOutNotice phone={optedOut?.value} at={optedOutAt} serverMessage={refusal} />}
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
      {channel === 'sms' && mode === 'reply' && <SmsSegmentCount text={text} />}
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <div className="composer__actions">
        <span className="muted small">{t('composer.shortcut')}</span>
        <button
          type="submit"
          className="button button--primary"
          data-testid="send-reply"
          disabled={sending || !text.trim() || replyBlocked}
        >
          {sending ? t('composer.sending') : mode === 'reply' ? t('composer.send') : t('composer.addNote')}
        </button>
      </div>
    </form>
  );
}
