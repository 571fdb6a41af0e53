import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { useUpdateCustomer } from './customerQueries';
import { formatTags, parseTags } from './parseTags';

interface Draft {
  name: string;
  company: string;
  notes: string;
  tags: string;
}

const draftOf = (customer: CustomerView): Draft => ({
  name: customer.name ?? '',
  company: customer.company ?? '',
  notes: customer.notes,
  tags: formatTags(customer.tags),
});

type Outcome = { kind: 'saved' } | { kind: 'error'; message: string } | null;

/** Name, company, notes and tags. Until edited it follows the server, so a colleague's change shows up live. */
export function CustomerForm({ customer }: { customer: CustomerView }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const save = useUpdateCustomer(customer.id);
  const saving = save.isPending;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const values = draft ?? draftOf(customer);

  const edit = (field: keyof Draft) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setDraft({ ...values, [field]: event.target.value });
    setOutcome(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    save.mutate(
      {
        name: values.name.trim() || null,
        company: values.company.trim() || null,
        notes: values.notes,
        tags: parseTags(values.tags),
      },
      {
        onSuccess: () => {
          setDraft(null);
          setOutcome({ kind: 'saved' });
        },
        onError: (failure) => setOutcome({ kind: 'error', message: errorMessage(failure, t) }),
      },
    );
  };

  return (
    <section className="card card--wide">
      <h2>{t('customer.profileHeading')}</h2>
      <form className="form" data-testid="customer-form" onSubmit={submit} noValidate>
        <div className="form__row">
          <label className="form__field">
            <span>{t('customer.name')}</span>
            <input name="name" value={values.name} onChange={edit('name')} autoComplete="off" />
          </label>
          <label className="form__field">
            <span>{t('customer.company')}</span>
            <input name="company" value={values.company} onChange={edit('company')} autoComplete="off" />
          </label>
        </div>
        <label className="form__field">
          <span>{t('customer.tags')}</span>
          <input name="tags" value={values.tags} onChange={edit('tags')} autoComplete="off" />
          <small className="muted">{t('customer.tagsHint')}</small>
        </label>
        <label className="form__field">
          <span>{t('customer.notes')}</span>
          <textarea name="notes" rows={4} value={values.notes} onChange={edit('notes')} />
        </label>
        {outcome?.kind === 'saved' && (
          <p role="status" className="notice notice--success" data-testid="customer-saved">
            {t('customer.saved')}
          </p>
        )}
        {outcome?.kind === 'error' && (
          <p role="alert" className="notice notice--error">
            {outcome.message}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" data-testid="save-customer" disabled={saving}>
            {saving ? t('customer.saving') : t('customer.save')}
          </button>
          {draft && (
            <button type="button" className="button" onClick={() => setDraft(null)} disabled={saving}>
              {t('customer.discard')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
