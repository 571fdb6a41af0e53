import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SmsSegmentCount } from '../sms/SmsSegmentCount';

interface Props {
  disabled: boolean;
  /** Sends the text; the box is emptied at once, the text shows in the conversation meanwhile. */
  onSend: (text: string) => void;
}

/** The phone's keyboard: a text box with its segment count, and Send (Ctrl/Cmd+Enter too). */
export function SimComposer({ disabled, onSend }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const canSend = !disabled && text.trim() !== '';

  const send = () => {
    if (!canSend) return;
    onSend(text);
    setText('');
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form className="sim-composer" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor="sim-text">
        {t('simulator.text')}
      </label>
      <textarea
        id="sim-text"
        data-testid="sim-text"
        rows={3}
        maxLength={1600}
        value={text}
        placeholder={t('simulator.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="sim-composer__actions">
        <SmsSegmentCount text={text} />
        <button
          type="submit"
          className="button button--primary"
          data-testid="sim-send"
          disabled={!canSend}
          title={t('simulator.shortcut')}
        >
          {t('simulator.send')}
        </button>
      </div>
    </form>
  );
}
