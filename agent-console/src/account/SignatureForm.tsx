import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage';
import { requestJson } from '../api/request';

const SIGNATURE_KEY = ['me', 'signature'] as const;
type SignatureBody = { signature: string };

/** The agent's own email signature, shown under their email replies. */
export function SignatureForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const stored = useQuery({
    queryKey: SIGNATURE_KEY,
    queryFn: () => requestJson<SignatureBody>('/api/me/signature'),
  });
  const save = useMutation({
    mutationFn: (signature: string) =>
      requestJson<SignatureBody>('/api/me/signature', { method: 'PUT', body: { signature } }),
    onSuccess: (answer) => client.setQueryData(SIGNATURE_KEY, answer),
  });
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? stored.data?.signature ?? '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(value, { onSuccess: () => setDraft(null) });
  };

  return (
    <section className="panel" data-testid="signature-panel">
      <h2>{t('signature.heading')}</h2>
      <form onSubmit={submit}>
        <label className="field">
          <span>{t('signature.label')}</span>
          <textarea
            data-testid="signature-text"
            rows={4}
            value={value}
            disabled={!stored.data}
            onChange={(event) => setDraft(event.target.value)}
          />
          <small className="muted">{t('signature.hint')}</small>
        </label>
        {save.error && (
          <p role="alert" className="notice notice--error">
            {errorMessage(save.error, t)}
          </p>
        )}
        {save.isSuccess && draft === null && (
          <p role="status" className="notice notice--success" data-testid="signature-saved">
            {t('signature.saved')}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary"
          data-testid="signature-save"
          disabled={save.isPending || !stored.data}
        >
          {t('signature.save')}
        </button>
      </form>
    </section>
  );
}
