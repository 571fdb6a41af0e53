import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../server/http/voiceApiTypes';
import { errorMessage } from '../api/errorMessage';
import { wrapUpCall } from '../api/voiceEndpoints';
import { formatDuration, wrapUpSecondsLeft } from './callClock';
import { DISPOSITIONS } from './dispositions';

interface Props {
  callId: string;
  /** When after-call work ends by itself and the next contact may be offered (null when not known). */
  deadline: string | null;
  now: number;
  onDone: (call: CallView) => void;
}

/**
 * After-call work: the call's outcome and a note. The next contact comes when it is sent, or anyway once the time for it
 * is up (routing does not wait longer), so the time left is shown. Focus starts on the outcome.
 */
export function WrapUpForm({ callId, deadline, now, onDone }: Props) {
  const { t } = useTranslation();
  const [disposition, setDisposition] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dispositionField = useRef<HTMLSelectElement>(null);
  const secondsLeft = wrapUpSecondsLeft(deadline, now);

  useEffect(() => {
    dispositionField.current?.focus({ preventScroll: true });
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!disposition) return;
    setBusy(true);
    setError(null);
    try {
      const { call } = await wrapUpCall(callId, disposition, note.trim());
      onDone(call);
    } catch (failure) {
      setError(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <form className="wrap-up-form" data-testid="wrap-up-form" onSubmit={(event) => void submit(event)}>
      <p className="wrap-up-form__lead">
        {secondsLeft !== null && (
          <strong
            className={`wrap-up-form__left${secondsLeft === 0 ? ' wrap-up-form__left--up' : ''}`}
            data-testid="wrap-up-left"
            data-seconds={secondsLeft}
          >
            {secondsLeft > 0
              ? t('voice.wrapUp.timeLeft', { time: formatDuration(secondsLeft) })
              : t('voice.wrapUp.timeUp')}
          </strong>
        )}{' '}
        {secondsLeft !== 0 && <span className="muted small">{t('voice.wrapUp.hint')}</span>}
      </p>
      <div className="wrap-up-form__fields">
        <label className="form__field">
          <span>{t('voice.wrapUp.disposition')}</span>
          <select
            ref={dispositionField}
            data-testid="wrap-up-disposition"
            value={disposition}
            required
            onChange={(event) => setDisposition(event.target.value)}
          >
            <option value="">{t('voice.wrapUp.choose')}</option>
            {DISPOSITIONS.map((value) => (
              <option key={value} value={value}>
                {t(`voice.disposition.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form__field wrap-up-form__note">
          <span>{t('voice.wrapUp.note')}</span>
          <textarea
            data-testid="wrap-up-note"
            rows={2}
            maxLength={5000}
            value={note}
            placeholder={t('voice.wrapUp.notePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          data-testid="wrap-up-submit"
          disabled={!disposition || busy}
        >
          {busy ? t('voice.wrapUp.submitting') : t('voice.wrapUp.submit')}
        </button>
      </div>
    </form>
  );
}
