import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../server/http/voiceApiTypes';
import { errorMessage } from '../api/errorMessage';
import { wrapUpCall } from '../api/voiceEndpoints';
import { DISPOSITIONS } from './dispositions';

interface Props {
  callId: string;
  onDone: (call: CallView) => void;
}

/** After-call work: the call's outcome and a note; sending it frees the agent for the next contact. */
export function WrapUpForm({ callId, onDone }: Props) {
  const { t } = useTranslation();
  const [disposition, setDisposition] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
      <p className="muted small">{t('voice.wrapUp.hint')}</p>
      <div className="wrap-up-form__fields">
        <label className="form__field">
          <span>{t('voice.wrapUp.disposition')}</span>
          <select data-testid="wrap-up-disposition" value={disposition} required onChange={(event) => setDisposition(event.target.value)}>
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
        <button type="submit" className="button button--primary" data-testid="wrap-up-submit" disabled={!disposition || busy}>
          {busy ? t('voice.wrapUp.submitting') : t('voice.wrapUp.submit')}
        </button>
      </div>
    </form>
  );
}
