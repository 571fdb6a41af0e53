import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The line listens for speech. */
  speech: boolean;
  /** The line records a message. */
  message: boolean;
  busy: boolean;
  /** Resolve true when the line took it (the box is then cleared). */
  onSay: (text: string) => Promise<boolean>;
  onLeaveMessage: (text: string) => Promise<boolean>;
}

/** What the caller says to a listening menu, or the voicemail they leave when the line records. */
export function SimCallInputs({ speech, message, busy, onSay, onLeaveMessage }: Props) {
  const { t } = useTranslation();
  const [said, setSaid] = useState('');
  const [voicemail, setVoicemail] = useState('');

  const say = async (event: FormEvent) => {
    event.preventDefault();
    if (!said.trim()) return;
    if (await onSay(said.trim())) setSaid('');
  };
  const leave = async (event: FormEvent) => {
    event.preventDefault();
    if (!voicemail.trim()) return;
    if (await onLeaveMessage(voicemail.trim())) setVoicemail('');
  };

  return (
    <>
      {speech && (
        <form className="sim-call__input" onSubmit={(event) => void say(event)}>
          <label className="form__field">
            <span>{t('callSimulator.speech')}</span>
            <input
              data-testid="sim-call-speech"
              value={said}
              placeholder={t('callSimulator.speechPlaceholder')}
              onChange={(event) => setSaid(event.target.value)}
            />
          </label>
          <button
            type="submit"
            className="button button--small"
            data-testid="sim-call-say"
            disabled={busy || !said.trim()}
          >
            {t('callSimulator.say')}
          </button>
        </form>
      )}
      {message && (
        <form className="sim-call__input" onSubmit={(event) => void leave(event)}>
          <label className="form__field">
            <span>{t('callSimulator.message')}</span>
            <textarea
              data-testid="sim-call-message"
              rows={3}
              value={voicemail}
              placeholder={t('callSimulator.messagePlaceholder')}
              onChange={(event) => setVoicemail(event.target.value)}
            />
          </label>
          <button
            type="submit"
            className="button button--small"
            data-testid="sim-call-leave-message"
            disabled={busy || !voicemail.trim()}
          >
            {t('callSimulator.leaveMessage')}
          </button>
        </form>
      )}
    </>
  );
}
