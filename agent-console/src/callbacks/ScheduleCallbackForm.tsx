import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../api/directoryEndpoints';
import { errorMessage } from '../api/errorMessage';
import { FieldError } from '../campaigns/FieldError';
import { fieldErrors, hasShownField, type FieldErrors } from '../campaigns/fieldErrors';
import { Timestamp } from '../format/Timestamp';
import { useScheduleCallback } from './callbackMutations';
import { checkCallbackForm, defaultDueInput, minDueInput, type CallbackFormValues } from './callbackSchedule';

const FIELDS = ['phoneNumber', 'queueId', 'dueAt', 'note'];

interface Props {
  customerId: string;
  /** The customer's phone numbers (E.164). */
  phones: string[];
  queues: QueueEntry[];
}

type Outcome =
  { kind: 'scheduled'; dueAt: string } | { kind: 'error'; fields: FieldErrors; message: string | null } | null;

/** Books a callback: which of the customer's numbers, from which queue, when, and a note for the agent who makes it. */
export function ScheduleCallbackForm({ customerId, phones, queues }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<CallbackFormValues>(() => ({
    phoneNumber: phones[0] ?? '',
    queueId: queues[0]?.id ?? '',
    dueAt: defaultDueInput(),
    note: '',
  }));
  const schedule = useScheduleCallback();
  const busy = schedule.isPending;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const update = (change: Partial<CallbackFormValues>) => setValues((previous) => ({ ...previous, ...change }));
  // The lists may arrive (or change) after the form: fall back to the first entry when the choice is not in them.
  const phoneNumber = phones.includes(values.phoneNumber) ? values.phoneNumber : (phones[0] ?? '');
  const queueId = queues.some((queue) => queue.id === values.queueId) ? values.queueId : (queues[0]?.id ?? '');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const current = { ...values, phoneNumber, queueId };
    const { dueAt, missing, pastDue } = checkCallbackForm(current);
    if (missing.length > 0 || !dueAt || pastDue) {
      const fields: FieldErrors = Object.fromEntries(missing.map((field) => [field, [t('callbacks.required')]]));
      if (pastDue) fields.dueAt = [t('callbacks.pastDue')];
      setOutcome({ kind: 'error', fields, message: null });
      return;
    }
    setOutcome(null);
    schedule.mutate(
      { customerId, phoneNumber, queueId, dueAt, note: current.note.trim() },
      {
        onSuccess: ({ callback }) => {
          setOutcome({ kind: 'scheduled', dueAt: callback.dueAt });
          update({ note: '' });
        },
        onError: (failure) => {
          const fields = fieldErrors(failure);
          setOutcome({
            kind: 'error',
            fields,
            message: hasShownField(fields, FIELDS) ? null : errorMessage(failure, t),
          });
        },
      },
    );
  };

  const errors = outcome?.kind === 'error' ? outcome.fields : {};
  return (
    <form className="form schedule-callback" data-testid="schedule-callback" onSubmit={submit} noValidate>
      <h3 className="panel__subheading">{t('callbacks.scheduleHeading')}</h3>
      <label className="form__field">
        <span>{t('callbacks.phoneNumber')}</span>
        <select
          name="phoneNumber"
          data-testid="callback-phone"
          value={phoneNumber}
          onChange={(event) => update({ phoneNumber: event.target.value })}
        >
          {phones.map((phone) => (
            <option key={phone} value={phone}>
              {phone}
            </option>
          ))}
        </select>
        <FieldError field="phoneNumber" messages={errors.phoneNumber} />
      </label>
      <label className="form__field">
        <span>{t('callbacks.queue')}</span>
        <select
          name="queueId"
          data-testid="callback-queue"
          value={queueId}
          onChange={(event) => update({ queueId: event.target.value })}
        >
          {queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
        <FieldError field="queueId" messages={errors.queueId} />
      </label>
      <label className="form__field">
        <span>{t('callbacks.due')}</span>
        <input
          type="datetime-local"
          name="dueAt"
          data-testid="callback-due"
          min={minDueInput()}
          value={values.dueAt}
          aria-invalid={errors.dueAt ? true : undefined}
          onChange={(event) => update({ dueAt: event.target.value })}
        />
        <FieldError field="dueAt" messages={errors.dueAt} />
      </label>
      <label className="form__field">
        <span>{t('callbacks.note')}</span>
        <textarea
          name="note"
          data-testid="callback-note"
          rows={2}
          maxLength={2000}
          value={values.note}
          onChange={(event) => update({ note: event.target.value })}
        />
        <FieldError field="note" messages={errors.note} />
      </label>
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          data-testid="schedule-callback-submit"
          disabled={busy || phones.length === 0 || queues.length === 0}
        >
          {busy ? t('callbacks.scheduling') : t('callbacks.schedule')}
        </button>
      </div>
      {outcome?.kind === 'scheduled' && (
        <p role="status" className="notice notice--success" data-testid="callback-scheduled">
          {t('callbacks.scheduled')} <Timestamp iso={outcome.dueAt} />
        </p>
      )}
      {outcome?.kind === 'error' && outcome.message && (
        <p role="alert" className="notice notice--error">
          {outcome.message}
        </p>
      )}
    </form>
  );
}
